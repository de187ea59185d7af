package org.hmskg.extract.entity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hmskg.extract.EntityClass;

/**
 * Certifications named with their edition year outside quotes ({@code 健康経営優良法人2022に認定},
 * {@code DX銘柄 2022}): the certification is the name without the year, and the mention keeps the year. The year
 * is no date of the text's.
 */
final class EditionNames implements Rule {
    private static final Pattern YEAR = Pattern.compile("(?<![0-9.])(?:19|20|21)[0-9]{2}(?![0-9年度月/.~〜-])");

    private final Names names;
    private final List<String> heads;

    EditionNames(Names names) {
        this.names = names;
        this.heads = names.words().words("certification-head");
    }

    @Override
    public void propose(Scan scan) {
        String n = scan.norm;
        Matcher m = YEAR.matcher(n);
        while (m.find()) {
            int at = m.start();
            if (scan.quoted[at] || at == 0) {
                continue;
            }
            int start = names.stripLeading(n, names.backScan(n, at, false, false), at);
            if (at - start < 3) {
                continue;
            }
            String name = n.substring(start, at);
            if (names.classify(name) != EntityClass.CERTIFICATION && heads.stream().noneMatch(name::endsWith)) {
                continue;
            }
            Spec spec = scan.resolve(scan.display(start, at), EntityClass.CERTIFICATION);
            if (spec.known == null) {
                spec.alts.add(scan.display(start, m.end()));
            }
            scan.add(Candidate.of(start, m.end(), Candidate.Trust.SUFFIX, spec));
        }
    }
}
