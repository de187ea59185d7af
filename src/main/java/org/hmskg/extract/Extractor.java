package org.hmskg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hmskg.extract.Facts.DateFact;
import org.hmskg.extract.Facts.QuantityFact;
import org.hmskg.extract.entity.EntityScanner;
import org.hmskg.parse.DateValue;

/**
 * Finds in one measure's text the initiatives, cited documents, ministries, quantities, dates and fiscal years it
 * states, each with its exact span in the text as given (code points). Matching is done on a normalised view
 * (NFKC, extraction spaces removed), so {@code 2 0 2 2 年}, {@code ６月１日}, {@code 11⽉19⽇} and
 * {@code MID ｰ NET} are read like their plain forms.
 *
 * <p>Pure and deterministic: the same text gives the same facts. Instances are immutable and may be shared
 * between threads.
 */
public final class Extractor {
    private final EntityScanner entities;

    public Extractor(ReferenceData ref) {
        this.entities = new EntityScanner(ref);
    }

    public Facts extract(String text) {
        NormText t = NormText.of(text);
        String n = t.norm();
        EntityScanner.Result found = entities.scan(t);
        boolean[] mask = found.nameMask().clone();

        // A year inside a name (「2025年大阪・関西万博アクションプラン」) is no date of the text's.
        DateScanner.Result scanned = DateScanner.scan(n, 0, n.length());
        List<DateFact> dates = new ArrayList<>();
        for (DateScanner.Hit h : scanned.hits()) {
            if (!mask[h.start()]) {
                dates.add(new DateFact(t.span(h.start(), h.end()), h.value(), h.fiscal()));
            }
        }
        List<DateScanner.AsOf> asOfs = scanned.asOfs().stream().filter(a -> !mask[a.start()]).toList();
        for (DateScanner.Hit h : scanned.hits()) {
            for (int i = h.start(); i < h.end(); i++) {
                mask[i] = true;
            }
        }

        List<QuantityFact> quantities = new ArrayList<>();
        for (QuantityScanner.Hit q : QuantityScanner.scan(n, mask)) {
            Optional<DateValue> asOf = AsOfScopes.find(n, asOfs, q.start(), false).flatMap(DateScanner.AsOf::date);
            Optional<Integer> asOfYear = AsOfScopes.find(n, asOfs, q.start(), true)
                    .flatMap(DateScanner.AsOf::fiscalYear);
            String unit = NormText.display(t.written(q.unitStart(), q.unitEnd()));
            quantities.add(new QuantityFact(t.span(q.start(), q.end()), q.value(), unit, q.approximate(),
                    q.qualifier(), asOf, asOfYear));
        }
        return new Facts(found.entities(), quantities, dates, found.ministries());
    }
}
