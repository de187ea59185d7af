package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hmskg.extract.BodyRef;
import org.hmskg.extract.Entity;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.Facts.EntityMention;
import org.hmskg.extract.Facts.MinistryMention;
import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.NormText;
import org.hmskg.extract.ReferenceData;
import org.hmskg.parse.DateValue;

/**
 * Finds the initiatives, cited documents and ministries a text names. Every rule proposes candidates (a span of
 * the normalised text and what it names); the longest candidates win, and on equal spans the more trustworthy
 * rule: curated names and ministries, then names the text itself defined, then quoted titles, then
 * {@code Name（ABBR）} pairs and dated brackets, then names found by their suffix. The word lists the rules read
 * are {@code reference/*.tsv} on the class path.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class EntityScanner {
    /**
     * @param nameMask for each char of the normalised text, whether a name covers it (a year inside a name is no
     *                 date of the text's)
     */
    public record Result(List<EntityMention> entities, List<MinistryMention> ministries, boolean[] nameMask) {
        public Result {
            entities = List.copyOf(entities);
            ministries = List.copyOf(ministries);
        }
    }

    private final ReferenceData ref;
    private final Names names;
    /** In this order: a rule may rely on the marks and candidates of the rules before it. */
    private final List<Rule> rules;
    private final LocalNames localNames;

    public EntityScanner(ReferenceData ref) {
        this.ref = ref;
        this.names = new Names(EntityWords.load());
        this.rules = List.of(new QuotedTitles(names), new DatedBrackets(names), new AbbreviationPairs(names),
                new SuffixNames(names), new CuratedLabels(ref), new AmendingLaws(), new MinistryNames(ref));
        this.localNames = new LocalNames(names);
    }

    public Result scan(NormText t) {
        Scan scan = new Scan(t, ref);
        for (Rule rule : rules) {
            rule.propose(scan);
        }
        // Names the curated list calls generic (kinds of plan, concepts) are never things of their own.
        scan.candidates.removeIf(c -> c.spec() != null && c.spec().known == null && ref.isGenericTerm(c.spec().name));
        List<Candidate> accepted = Selection.select(scan.candidates, scan.blocked, scan.norm.length());
        int before = scan.candidates.size();
        localNames.propose(scan, accepted);
        if (scan.candidates.size() > before) {
            accepted = Selection.select(scan.candidates, scan.blocked, scan.norm.length());
        }
        accepted = Selection.withOrdinals(names, scan.norm, accepted);
        return build(t, accepted);
    }

    private static Result build(NormText t, List<Candidate> accepted) {
        Map<String, List<Spec>> byKey = new LinkedHashMap<>();
        for (Candidate c : accepted) {
            if (c.spec() != null) {
                byKey.computeIfAbsent(c.spec().key(), k -> new ArrayList<>()).add(c.spec());
            }
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (Map.Entry<String, List<Spec>> e : byKey.entrySet()) {
            entities.put(e.getKey(), merge(e.getKey(), e.getValue()));
        }
        List<EntityMention> mentions = new ArrayList<>();
        List<MinistryMention> ministries = new ArrayList<>();
        boolean[] mask = new boolean[t.length()];
        for (Candidate c : accepted) {
            Scan.mark(mask, c.start(), c.end());
            if (c.spec() != null) {
                mentions.add(new EntityMention(t.span(c.start(), c.end()), entities.get(c.spec().key())));
            } else {
                ministries.add(new MinistryMention(t.span(c.start(), c.end()), c.ministry().key()));
            }
        }
        return new Result(mentions, ministries, mask);
    }

    /** One entity from every candidate of a key: the curated or first name, all labels seen, the first date. */
    private static Entity merge(String key, List<Spec> specs) {
        Spec first = specs.get(0);
        KnownEntity known = first.known;
        String pref = known != null ? known.nameJa() : first.name;
        EntityClass cls = known != null ? known.cls() : first.cls;
        Set<String> seen = new LinkedHashSet<>();
        seen.add(NormText.key(pref));
        List<String> alts = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        if (known != null) {
            candidates.addAll(known.altLabels());
        }
        Optional<DateValue> date = Optional.empty();
        Optional<BodyRef> body = Optional.empty();
        for (Spec s : specs) {
            candidates.addAll(s.alts);
            if (known == null && !s.name.equals(pref)) {
                candidates.add(s.name);
            }
            if (date.isEmpty()) {
                date = s.date;
            }
            if (body.isEmpty()) {
                body = s.body;
            }
        }
        for (String alt : candidates) {
            if (seen.add(NormText.key(alt))) {
                alts.add(alt);
            }
        }
        if (!cls.isCitation()) {
            date = Optional.empty();
            body = Optional.empty();
        }
        return new Entity(key, cls, pref, alts, known != null, date, body);
    }
}
