package org.hmskg.extract.entity;

import org.hmskg.extract.Ministry;
import org.hmskg.extract.ReferenceData;

/** Ministries named in running text (厚生労働省), by full name or by the name without its parent office. */
final class MinistryNames implements Rule {
    private final LabelMatcher<Ministry> matcher;

    MinistryNames(ReferenceData ref) {
        this.matcher = new LabelMatcher<>(ref.ministryNameIndex());
    }

    @Override
    public void propose(Scan scan) {
        for (LabelMatcher.Match<Ministry> m : matcher.findAll(scan.norm)) {
            scan.add(new Candidate(m.start(), m.end(), Candidate.Trust.CURATED, null, m.value()));
        }
    }
}
