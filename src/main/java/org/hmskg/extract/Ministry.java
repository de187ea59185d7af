package org.hmskg.extract;

import java.util.List;

/**
 * A body that ministry tags name (ministry-codes.tsv): ministries, agencies, and offices of the Cabinet Office or
 * Cabinet Secretariat.
 *
 * @param key    key of the {@code ministry/} IRI
 * @param nameJa full official name, parent included (内閣府健康・医療戦略推進事務局)
 * @param nameEn English name
 * @param parent the parent body's name as the table writes it, empty for a ministry of its own
 * @param codes  every tag code naming the body (金, 金融)
 */
public record Ministry(String key, String nameJa, String nameEn, String parent, List<String> codes) {
    public Ministry {
        codes = List.copyOf(codes);
    }

    /** The name without the parent prefix (内閣サイバーセキュリティセンター), or the full name if it has none. */
    public String shortName() {
        if (!parent.isEmpty() && nameJa.startsWith(parent) && nameJa.length() > parent.length()) {
            return nameJa.substring(parent.length());
        }
        return nameJa;
    }
}
