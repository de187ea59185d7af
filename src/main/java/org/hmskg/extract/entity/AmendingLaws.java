package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hmskg.extract.EntityClass;

/**
 * {@code 薬機法等の一部を改正する法律}: a law named by the law it amends is a law of its own. Runs after the rules
 * that find laws and extends each of their candidates.
 */
final class AmendingLaws implements Rule {
    private static final Pattern AMENDING = Pattern.compile("(?:等)?の一部を改正する法律");

    @Override
    public void propose(Scan scan) {
        String n = scan.norm;
        List<Candidate> extra = new ArrayList<>();
        for (Candidate c : scan.candidates) {
            if (c.spec() != null && c.spec().cls == EntityClass.LAW) {
                Matcher m = AMENDING.matcher(n).region(c.end(), n.length());
                if (m.lookingAt()) {
                    Spec spec = new Spec(null, scan.display(c.start(), m.end()), EntityClass.LAW);
                    extra.add(Candidate.of(c.start(), m.end(), Candidate.Trust.SUFFIX, spec));
                }
            }
        }
        extra.forEach(scan::add);
    }
}
