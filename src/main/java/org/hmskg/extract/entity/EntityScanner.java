package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.Comparator;
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
    private final CitationContext context;
    private final SuffixNames suffixNames;
    private final LawNumbers lawNumbers;

    public EntityScanner(ReferenceData ref) {
        this.ref = ref;
        this.names = new Names(EntityWords.load());
        this.context = new CitationContext(names, ref);
        this.suffixNames = new SuffixNames(names);
        this.lawNumbers = new LawNumbers();
        this.rules = List.of(lawNumbers, new QuotedTitles(names, context, lawNumbers), new LocalPlans(names),
                new DatedBrackets(names), new AbbreviationPairs(names), suffixNames, new EditionNames(names),
                new CuratedLabels(ref), new AmendingLaws(), new MinistryNames(ref));
        this.localNames = new LocalNames(names);
    }

    /**
     * Whether a bracket's content ({@code 2021年6月1日閣議決定}) dates a document: its dates belong to that document,
     * not to the sentence around it.
     */
    public static boolean datesDocument(String bracketContent) {
        return Decision.datesDocument(bracketContent, EntityWords.load());
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
        accepted = new ArrayList<>(Selection.withOrdinals(names, scan.norm, accepted));
        accepted.addAll(bodies(scan, accepted));
        List<Candidate> named = new ArrayList<>();
        context.apply(scan, accepted, named);
        accepted.addAll(named);
        for (Candidate c : accepted) {
            if (c.spec() != null && c.spec().cls == EntityClass.LAW && c.spec().lawNumber.isEmpty()) {
                c.spec().lawNumber = lawNumbers.bracket(scan.norm, c.end());
            }
        }
        accepted.addAll(nested(scan, accepted));
        accepted.sort(Comparator.comparingInt(Candidate::start).thenComparingInt(c -> -c.length()));
        return build(t, scan, accepted);
    }

    /** The bodies named inside decision brackets, where no accepted name covers them. */
    private static List<Candidate> bodies(Scan scan, List<Candidate> accepted) {
        boolean[] taken = new boolean[scan.norm.length()];
        accepted.forEach(c -> Scan.mark(taken, c.start(), c.end()));
        List<Candidate> out = new ArrayList<>();
        for (Body b : scan.bodies) {
            if (!Scan.any(taken, b.start(), b.end())) {
                Scan.mark(taken, b.start(), b.end());
                out.add(b.candidate());
            }
        }
        return out;
    }

    /**
     * The names inside each cited title (AMED in 「AMED研究データ利活用に係るガイドライン」, the amended law in an
     * amending law's title): the candidates the title won over, and names found by their suffix inside it.
     */
    private List<Candidate> nested(Scan scan, List<Candidate> accepted) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate title : accepted) {
            if (title.spec() == null || !title.spec().cls.isCitation() || title.nested()) {
                continue;
            }
            List<Candidate> inside = new ArrayList<>();
            for (Candidate c : scan.candidates) {
                if (isInside(c, title)) {
                    inside.add(c);
                }
            }
            for (Candidate c : suffixNames.within(scan, title.start(), title.end())) {
                if (isInside(c, title)) {
                    inside.add(c);
                }
            }
            for (Candidate c : Selection.select(inside, new boolean[scan.norm.length()], scan.norm.length())) {
                out.add(c.asNested());
            }
        }
        return out;
    }

    /**
     * A candidate inside a title, other than the title itself; a name found by its suffix that ends where the title
     * ends is the title cut short (医療に関する法律 in 感染症の…医療に関する法律), not a name inside it.
     */
    private static boolean isInside(Candidate c, Candidate title) {
        return c.start() >= title.start() && c.end() <= title.end() && c.length() < title.length()
                && !(c.trust() == Candidate.Trust.SUFFIX && c.end() == title.end())
                && c.spec() != title.spec()
                && (c.spec() == null || !c.spec().key().equals(title.spec().key()));
    }

    private Result build(NormText t, Scan scan, List<Candidate> accepted) {
        Map<String, List<Spec>> byKey = new LinkedHashMap<>();
        for (Candidate c : accepted) {
            if (c.spec() != null) {
                byKey.computeIfAbsent(c.spec().key(), k -> new ArrayList<>()).add(c.spec());
            }
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (Map.Entry<String, List<Spec>> e : byKey.entrySet()) {
            entities.put(e.getKey(), merge(e.getKey(), e.getValue(), byKey));
        }
        List<EntityMention> mentions = new ArrayList<>();
        List<MinistryMention> ministries = new ArrayList<>();
        boolean[] mask = scan.lawNumbers.clone();
        for (Candidate c : accepted) {
            Scan.mark(mask, c.start(), c.end());
            if (c.spec() != null) {
                mentions.add(new EntityMention(t.span(c.start(), c.end()), entities.get(c.spec().key()), c.nested()));
            } else {
                ministries.add(new MinistryMention(t.span(c.start(), c.end()), c.ministry().key()));
            }
        }
        return new Result(mentions, ministries, mask);
    }

    /**
     * One entity from every candidate of a key: the curated or first name, all labels seen, the latest date, the
     * first deciding body the result can point to, the law number and the amended law; a document the sentence says
     * the Cabinet or a 本部 decided is a decision of that kind, unless the reference data says otherwise.
     */
    private Entity merge(String key, List<Spec> specs, Map<String, List<Spec>> byKey) {
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
        Spec dated = new Spec(null, pref, cls);
        Optional<BodyRef> body = Optional.empty();
        Optional<String> lawNumber = Optional.empty();
        Optional<String> amends = Optional.empty();
        Optional<EntityClass> decided = Optional.empty();
        for (Spec s : specs) {
            decided = decided.or(() -> s.decided);
            if (known == null) {
                cls = EntityClass.preferred(cls, s.cls);
            }
            candidates.addAll(s.alts);
            if (known == null && !s.name.equals(pref)) {
                candidates.add(s.name);
            }
            dated.dateAtLeast(s.date);
            if (body.isEmpty()) {
                body = s.body.filter(b -> canPointTo(b, byKey));
            }
            if (lawNumber.isEmpty()) {
                lawNumber = s.lawNumber;
            }
            if (amends.isEmpty() && s.amends != null && (s.amends.known != null
                    || byKey.containsKey(s.amends.key()))) {
                amends = Optional.of(s.amends.key());
            }
        }
        for (String alt : candidates) {
            if (seen.add(NormText.key(alt))) {
                alts.add(alt);
            }
        }
        if (known == null && decided.isPresent()) {
            cls = EntityClass.preferred(cls, decided.get());
        }
        Optional<DateValue> date = dated.date;
        if (!cls.isCitation()) {
            date = Optional.empty();
            body = Optional.empty();
        }
        if (cls != EntityClass.LAW || known != null) {
            lawNumber = Optional.empty();
            amends = cls == EntityClass.LAW ? amends : Optional.empty();
        } else if (lawNumber.isEmpty()) {
            lawNumber = LawNumbers.fromReference(ref, pref, date, AmendingLaws.isAmending(pref));
        }
        return new Entity(key, cls, pref, alts, known != null, date, body, lawNumber, amends);
    }

    /**
     * True when {@code hms:decidedBy} may point to the body: a ministry, a curated council, or a council this text
     * mentions (so the graph describes it as one).
     */
    private boolean canPointTo(BodyRef b, Map<String, List<Spec>> byKey) {
        if (b.kind() == BodyRef.Kind.MINISTRY) {
            return ref.ministry(b.key()).isPresent();
        }
        Optional<KnownEntity> known = ref.known(b.key());
        if (known.isPresent()) {
            return known.get().cls() == EntityClass.COUNCIL;
        }
        List<Spec> specs = byKey.get(b.key());
        return specs != null && specs.get(0).cls == EntityClass.COUNCIL;
    }
}
