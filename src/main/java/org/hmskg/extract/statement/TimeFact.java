package org.hmskg.extract.statement;

import java.util.Optional;

import org.hmskg.extract.Span;
import org.hmskg.parse.DateValue;

/**
 * One time expression of a statement with its role.
 *
 * @param span   the date or fiscal year as the extractor found it (code points into the block's text); the same
 *               span as the block's {@code hms:date} / {@code hms:fiscalYear} mention
 * @param value  as precise as written (year, month, day)
 * @param fiscal true for a fiscal year (年度), whose value is a year
 * @param note   a word that narrows the period without changing its value, normalised as matched: 後半, 夏頃, 末,
 *               中, 内, 早期 …
 */
public record TimeFact(Span span, DateValue value, boolean fiscal, TimeRole role, Optional<String> note) {
}
