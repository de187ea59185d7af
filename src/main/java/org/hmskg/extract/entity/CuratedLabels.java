package org.hmskg.extract.entity;

import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.ReferenceData;

/** Every label of the curated list ({@code reference/initiatives.tsv}) where the text writes it. */
final class CuratedLabels implements Rule {
    private final LabelMatcher<KnownEntity> matcher;

    CuratedLabels(ReferenceData ref) {
        this.matcher = new LabelMatcher<>(ref.labelIndex());
    }

    @Override
    public void propose(Scan scan) {
        for (LabelMatcher.Match<KnownEntity> m : matcher.findAll(scan.norm)) {
            scan.add(Candidate.of(m.start(), m.end(), Candidate.Trust.CURATED, Spec.of(m.value())));
        }
    }
}
