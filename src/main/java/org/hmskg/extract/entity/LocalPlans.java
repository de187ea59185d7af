package org.hmskg.extract.entity;

import java.util.List;
import java.util.regex.Pattern;

import org.hmskg.extract.EntityClass;
import org.hmskg.extract.NormText;

/**
 * Plans that every local body of a kind makes (立地適正化計画, 地域公共交通計画): a planning scheme, an initiative, not
 * one document. Told by the text: a count of local bodies right after the plan's name
 * ({@code 「立地適正化計画」は405都市（…現在）が作成}) or the bodies making it right before
 * ({@code 各市町村が策定する地域福祉計画}, {@code 都道府県の…計画}). Quoted or not; a quoted title read as a citation
 * at the same place gives way.
 */
final class LocalPlans implements Rule {
    private final Names names;
    private final List<String> suffixes;
    private final Pattern countAfter;
    private final Pattern bodyBefore;

    LocalPlans(Names names) {
        this.names = names;
        EntityWords w = names.words();
        String bodies = Names.alternatives(w.words("local-body"));
        this.suffixes = w.words("plan-suffix");
        this.countAfter = Pattern.compile("[」』]?(?:は|を|が)?(?:全国|全国で|計|約)?[0-9][0-9,]*(?:" + bodies + ")");
        this.bodyBefore = Pattern.compile("(?:各)?(?:" + bodies + ")(?:が(?:" + Names.alternatives(w.words("plan-verb"))
                + ")する|の)$");
    }

    @Override
    public void propose(Scan scan) {
        String n = scan.norm;
        for (String suffix : suffixes) {
            for (int i = n.indexOf(suffix); i >= 0; i = n.indexOf(suffix, i + 1)) {
                int end = i + suffix.length();
                if (end < n.length() && (NormText.isKanji(n.charAt(end)) || NormText.isKatakana(n.charAt(end)))) {
                    continue;
                }
                int start = quotedStart(scan, i, end);
                if (start < 0) {
                    start = names.stripLeading(n, names.backScan(n, i, false, false), i);
                }
                if (i - start < 2) {
                    continue;
                }
                boolean quote = start > 0 && (n.charAt(start - 1) == '「' || n.charAt(start - 1) == '『');
                int before = quote ? start - 1 : start;
                boolean counted = countAfter.matcher(n).region(end, n.length()).lookingAt();
                boolean made = bodyBefore.matcher(n).region(Math.max(0, before - 16), before).find();
                if (!counted && !made) {
                    continue;
                }
                int s = start;
                scan.candidates.removeIf(c -> c.start() == s && c.end() == end && c.spec() != null
                        && c.spec().known == null && c.spec().cls.isCitation());
                scan.add(Candidate.of(start, end, Candidate.Trust.QUOTED,
                        scan.resolve(scan.display(start, end), EntityClass.PROGRAMME)));
            }
        }
    }

    /** The start of the quoted title {@code 「…計画」} that ends at {@code end}, or -1. */
    private static int quotedStart(Scan scan, int i, int end) {
        String n = scan.norm;
        if (end >= n.length() || (n.charAt(end) != '」' && n.charAt(end) != '』') || !scan.quoted[i]) {
            return -1;
        }
        int open = Math.max(n.lastIndexOf('「', i), n.lastIndexOf('『', i));
        return open < 0 ? -1 : open + 1;
    }
}
