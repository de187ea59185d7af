package org.hmskg.extract;

import java.util.List;
import java.util.Optional;

/**
 * Which figures an "as of" statement governs.
 *
 * <ul>
 * <li>A bracket right after the figures that holds only the statement looks back over its clause:
 * {@code 405都市（2021年12月31日現在）}.</li>
 * <li>Otherwise the statement governs the figures after it, to the end of its sentence or bracket, or to the
 * next statement of the same kind: {@code 2021年10月末時点で全国5ブロック、18府県、…の計41か所},
 * {@code （2021年度は19か所の病院に配置）}.</li>
 * </ul>
 */
final class AsOfScopes {
    private AsOfScopes() {
    }

    /** The statement governing the figure at {@code pos}: fiscal-year statements or calendar ones. */
    static Optional<DateScanner.AsOf> find(String n, List<DateScanner.AsOf> asOfs, int pos, boolean fiscal) {
        DateScanner.AsOf best = null;
        for (int i = 0; i < asOfs.size(); i++) {
            DateScanner.AsOf a = asOfs.get(i);
            if (a.fiscalYear().isPresent() != fiscal) {
                continue;
            }
            int[] scope = scope(n, a);
            int to = scope[1];
            for (int j = i + 1; j < asOfs.size(); j++) {
                DateScanner.AsOf b = asOfs.get(j);
                if (b.fiscalYear().isPresent() == fiscal && b.start() > a.start() && b.start() < to
                        && scope[0] >= a.cueEnd()) {
                    to = b.start();
                }
            }
            if (pos >= scope[0] && pos < to && (best == null || a.start() > best.start())) {
                best = a;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int[] scope(String n, DateScanner.AsOf a) {
        if (a.start() > 0 && n.charAt(a.start() - 1) == '(') {
            int close = n.indexOf(')', a.cueEnd());
            if (close >= 0 && !hasDigit(n, a.cueEnd(), close)) {
                int from = a.start() - 1;
                while (from > 0 && "、。(「,".indexOf(n.charAt(from - 1)) < 0) {
                    from--;
                }
                return new int[] {from, a.start() - 1};
            }
        }
        int depth = 0;
        int end = a.cueEnd();
        while (end < n.length()) {
            char c = n.charAt(end);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == '。' && depth == 0) {
                break;
            }
            end++;
        }
        return new int[] {a.cueEnd(), end};
    }

    private static boolean hasDigit(String n, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isDigit(n.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
