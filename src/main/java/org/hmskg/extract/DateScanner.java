package org.hmskg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hmskg.parse.DateValue;

/**
 * Calendar dates and fiscal years in a normalised text (spaces already gone, digits ASCII, ⽉ → 月).
 *
 * <ul>
 * <li>{@code 2022年3月31日}, {@code 2022年3月}, {@code 2022年} (also {@code 2022年夏頃}, {@code 2022年中}):
 * a date as precise as stated;</li>
 * <li>ranges give both ends: {@code 2022年1~3月} → 2022-01 and 2022-03, {@code 2017~2020年} → 2017 and 2020,
 * {@code 2023~2025年度} → fiscal years 2023 and 2025;</li>
 * <li>{@code 2022年度} (and the slip {@code 2022度}) → a fiscal year;</li>
 * <li>Japanese eras (令和4年) are converted;</li>
 * <li>a month without a year of its own ({@code 、12月}) gives nothing.</li>
 * </ul>
 * A date followed by {@code 時点}/{@code 現在} (optionally {@code 末} first), or a fiscal year followed by
 * {@code は}/{@code には}/{@code においては}/{@code 中は}/{@code の}/{@code 末時点}, also states what the figures
 * after it are "as of". Shared by the extractor and its sub-packages.
 */
public final class DateScanner {
    /** One date or fiscal year; {@code start}/{@code end} index the normalised text. */
    public record Hit(int start, int end, DateValue value, boolean fiscal) {
    }

    /** An "as of" statement ending at {@code cueEnd}; exactly one of the two values is present. */
    public record AsOf(int start, int cueEnd, Optional<DateValue> date, Optional<Integer> fiscalYear) {
    }

    public record Result(List<Hit> hits, List<AsOf> asOfs) {
    }

    private static final Pattern DATE = Pattern.compile(
            "(?<![0-9.,])(?:(?<era>令和|平成|昭和)(?<eraYear>元|[0-9]{1,2})|(?<year>[0-9]{4})(?:[~〜](?<year2>[0-9]{4}))?)年"
                    + "(?:(?<fy>度)|(?<m1>[0-9]{1,2})(?:[~〜-](?<m2>[0-9]{1,2}))?月(?:(?<d>[0-9]{1,2})日)?)?"
                    + "|(?<![0-9.,年])(?<slip>[0-9]{4})度");
    private static final Pattern DATE_AS_OF = Pattern.compile("末?(?:時点|現在)");
    private static final Pattern FISCAL_AS_OF = Pattern.compile("(?:末|中)?(?:時点|現在)|中?は|には|においては|の");

    private DateScanner() {
    }

    public static Result scan(String norm, int from, int to) {
        List<Hit> hits = new ArrayList<>();
        List<AsOf> asOfs = new ArrayList<>();
        Matcher m = DATE.matcher(norm).region(from, to);
        m.useTransparentBounds(true);
        while (m.find()) {
            int before = hits.size();
            Optional<DateValue> last = add(m, hits);
            if (hits.size() == before || last.isEmpty()) {
                continue;
            }
            Hit lastHit = hits.get(hits.size() - 1);
            Matcher cue = (lastHit.fiscal() ? FISCAL_AS_OF : DATE_AS_OF).matcher(norm).region(m.end(), to);
            if (cue.lookingAt()) {
                if (lastHit.fiscal()) {
                    asOfs.add(new AsOf(m.start(), cue.end(), Optional.empty(), Optional.of(lastHit.value().year())));
                } else {
                    asOfs.add(new AsOf(m.start(), cue.end(), last, Optional.empty()));
                }
            }
        }
        return new Result(hits, asOfs);
    }

    /** Adds the hits of one match; returns the value of the last one. */
    private static Optional<DateValue> add(Matcher m, List<Hit> hits) {
        if (m.group("slip") != null) {
            int year = Integer.parseInt(m.group("slip"));
            if (!plausible(year)) {
                return Optional.empty();
            }
            DateValue v = DateValue.ofYear(year);
            hits.add(new Hit(m.start(), m.end(), v, true));
            return Optional.of(v);
        }
        int year;
        if (m.group("era") != null) {
            int n = m.group("eraYear").equals("元") ? 1 : Integer.parseInt(m.group("eraYear"));
            year = switch (m.group("era")) {
                case "令和" -> 2018 + n;
                case "平成" -> 1988 + n;
                default -> 1925 + n;
            };
        } else {
            year = Integer.parseInt(m.group("year"));
        }
        if (!plausible(year)) {
            return Optional.empty();
        }
        if (m.group("year2") != null) {
            int year2 = Integer.parseInt(m.group("year2"));
            if (!plausible(year2)) {
                return Optional.empty();
            }
            boolean fiscal = m.group("fy") != null;
            hits.add(new Hit(m.start("year"), m.end("year"), DateValue.ofYear(year), fiscal));
            DateValue v = DateValue.ofYear(year2);
            hits.add(new Hit(m.start("year2"), m.end(), v, fiscal));
            return Optional.of(v);
        }
        if (m.group("fy") != null) {
            DateValue v = DateValue.ofYear(year);
            hits.add(new Hit(m.start(), m.end(), v, true));
            return Optional.of(v);
        }
        if (m.group("m1") == null) {
            DateValue v = DateValue.ofYear(year);
            hits.add(new Hit(m.start(), m.end(), v, false));
            return Optional.of(v);
        }
        int m1 = Integer.parseInt(m.group("m1"));
        if (m1 < 1 || m1 > 12) {
            return Optional.empty();
        }
        if (m.group("m2") != null) {
            int m2 = Integer.parseInt(m.group("m2"));
            if (m2 < 1 || m2 > 12) {
                return Optional.empty();
            }
            hits.add(new Hit(m.start(), m.end("m1"), new DateValue(year, m1, 0), false));
            DateValue v = new DateValue(year, m2, 0);
            hits.add(new Hit(m.start("m2"), m.end(), v, false));
            return Optional.of(v);
        }
        int day = m.group("d") == null ? 0 : Integer.parseInt(m.group("d"));
        if (day > 31) {
            return Optional.empty();
        }
        DateValue v = new DateValue(year, m1, day);
        hits.add(new Hit(m.start(), m.end(), v, false));
        return Optional.of(v);
    }

    private static boolean plausible(int year) {
        return year >= 1900 && year <= 2199;
    }
}
