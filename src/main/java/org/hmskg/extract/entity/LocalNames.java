package org.hmskg.extract.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.hmskg.extract.NormText;

/**
 * Names the text itself introduced, to be found again where it repeats them: a short name it defines
 * ({@code 地域版次世代ヘルスケア産業協議会（以下、「地域版協議会」という。）}) and every uncurated name or variant
 * already accepted ({@code MEDISO} after {@code …事業（MEDISO）}). Runs once the first choice is made.
 */
final class LocalNames {
    private final Pattern hereafter;

    LocalNames(Names names) {
        this.hereafter = Pattern.compile("(?:" + Names.alternatives(names.words().words("hereafter")) + ")[、,]?");
    }

    /** Candidates for every place the text repeats a name it introduced; none when it introduced none. */
    void propose(Scan scan, List<Candidate> accepted) {
        Map<String, Spec> local = labels(scan, accepted);
        if (local.isEmpty()) {
            return;
        }
        for (LabelMatcher.Match<Spec> m : new LabelMatcher<>(local).findAll(scan.norm)) {
            if (!foundThere(scan, m)) {
                scan.add(Candidate.of(m.start(), m.end(), Candidate.Trust.LOCAL, m.value()));
            }
        }
    }

    /**
     * True when a rule already found the same thing at the same place: that candidate keeps what it read there (a
     * decision bracket after the name's second quote), and the two merge by their key.
     */
    private static boolean foundThere(Scan scan, LabelMatcher.Match<Spec> m) {
        return scan.candidates.stream().anyMatch(c -> c.start() == m.start() && c.end() == m.end()
                && c.spec() != null && c.spec() != m.value() && c.spec().key().equals(m.value().key()));
    }

    private Map<String, Spec> labels(Scan scan, List<Candidate> accepted) {
        String n = scan.norm;
        Map<String, Spec> local = new LinkedHashMap<>();
        for (Scan.ShortName s : scan.shortNames) {
            // （以下、「地域版協議会」という。）: the name defined is the one ending where the bracket opens
            int paren = n.lastIndexOf('(', s.quoteOpen());
            if (paren < 0 || !hereafter.matcher(n.substring(paren + 1, s.quoteOpen())).matches()) {
                continue;
            }
            for (Candidate c : accepted) {
                if (c.spec() != null && c.end() == paren) {
                    c.spec().alts.add(s.display());
                    add(local, s.display(), c.spec());
                }
            }
        }
        for (Candidate c : accepted) {
            if (c.spec() == null || c.spec().known != null) {
                continue;
            }
            add(local, c.spec().name, c.spec());
            for (String alt : c.spec().alts) {
                add(local, alt, c.spec());
            }
        }
        return local;
    }

    private static void add(Map<String, Spec> local, String label, Spec spec) {
        String key = NormText.key(label);
        if (key.codePointCount(0, key.length()) >= 2) {
            local.putIfAbsent(key, spec);
        }
    }
}
