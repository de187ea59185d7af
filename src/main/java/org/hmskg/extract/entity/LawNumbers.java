package org.hmskg.extract.entity;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hmskg.extract.ReferenceData;
import org.hmskg.parse.DateValue;

/**
 * Law numbers ({@code 令和4年法律第47号}): written in a bracket right after a law's name, or known to the reference
 * data for its title. A law number's era year is no date of the text's, and no name lies inside it.
 */
final class LawNumbers implements Rule {
    /** The era a law number is counted in and the Gregorian year before its first year. */
    private record Era(String name, int offset) {
    }

    private static final List<Era> ERAS = List.of(new Era("令和", 2018), new Era("平成", 1988), new Era("昭和", 1925),
            new Era("大正", 1911), new Era("明治", 1867));
    private static final Pattern NUMBER = Pattern.compile("(?<era>令和|平成|昭和|大正|明治)(?<year>元|[0-9]{1,2})年法律第[0-9]+号");

    @Override
    public void propose(Scan scan) {
        Matcher m = NUMBER.matcher(scan.norm);
        while (m.find()) {
            Scan.mark(scan.blocked, m.start(), m.end());
            Scan.mark(scan.lawNumbers, m.start(), m.end());
        }
    }

    /** The law number a bracket opening at {@code open} begins with: {@code （令和4年法律第47号）}. */
    Optional<String> bracket(String n, int open) {
        if (open >= n.length() || n.charAt(open) != '(') {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(n).region(open + 1, n.length());
        return m.lookingAt() ? Optional.of(m.group()) : Optional.empty();
    }

    /**
     * The law number the reference data gives for a law titled {@code title}: the only one, or, when the title is
     * shared (an amending law, …の一部を改正する法律), the one of the year the text dates the law in; none when it
     * cannot tell.
     */
    static Optional<String> fromReference(ReferenceData ref, String title, Optional<DateValue> date,
                                          boolean amending) {
        List<String> numbers = ref.lawNumbers(title);
        if (!amending && numbers.size() == 1) {
            return Optional.of(numbers.get(0));
        }
        if (date.isEmpty()) {
            return Optional.empty();
        }
        List<String> ofYear = numbers.stream().filter(num -> year(num) == date.get().year()).toList();
        return ofYear.size() == 1 ? Optional.of(ofYear.get(0)) : Optional.empty();
    }

    /** The Gregorian year of a law number, 0 if it has none. */
    static int year(String number) {
        Matcher m = NUMBER.matcher(number);
        if (!m.matches()) {
            return 0;
        }
        int y = m.group("year").equals("元") ? 1 : Integer.parseInt(m.group("year"));
        for (Era e : ERAS) {
            if (e.name().equals(m.group("era"))) {
                return e.offset() + y;
            }
        }
        return 0;
    }
}
