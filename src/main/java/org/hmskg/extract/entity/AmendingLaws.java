package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hmskg.extract.EntityClass;
import org.hmskg.extract.NormText;

/**
 * {@code 薬機法等の一部を改正する法律}: a law named by the law it amends is a law of its own. Runs after the rules
 * that find laws and extends each of their candidates; the law it amends is named inside its title.
 */
final class AmendingLaws implements Rule {
    private static final Pattern AMENDING = Pattern.compile("(?:等)?の一部を改正する法律");

    /** True for the title of a law that amends another (…の一部を改正する法律): several laws share such a title. */
    static boolean isAmending(String title) {
        return AMENDING.matcher(NormText.key(title)).find();
    }

    @Override
    public void propose(Scan scan) {
        String n = scan.norm;
        List<Candidate> extra = new ArrayList<>();
        for (Candidate c : scan.candidates) {
            if (c.spec() != null && c.spec().cls == EntityClass.LAW) {
                Matcher m = AMENDING.matcher(n).region(c.end(), n.length());
                if (m.lookingAt()) {
                    Spec spec = new Spec(null, scan.display(c.start(), m.end()), EntityClass.LAW);
                    spec.amends = c.spec();
                    extra.add(Candidate.of(c.start(), m.end(), Candidate.Trust.SUFFIX, spec));
                }
            }
        }
        extra.forEach(scan::add);
    }
}
