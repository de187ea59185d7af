package org.hmskg.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hmskg.extract.Facts.EntityMention;
import org.hmskg.extract.Facts.MinistryMention;
import org.hmskg.parse.DateValue;
import org.hmskg.vocab.Iris;

/**
 * Finds the initiatives, cited documents and ministries a text names. Every rule proposes candidates (a span of
 * the normalised text and what it names); the longest candidates win, and on equal spans the more trustworthy
 * rule: curated names and ministries, then names the text itself defined, then quoted titles, then
 * {@code Name（ABBR）} pairs and dated brackets, then names found by their suffix.
 */
final class EntityScanner {
    private static final int CURATED = 0;
    private static final int LOCAL = 1;
    private static final int QUOTED = 2;
    private static final int PAIR = 3;
    private static final int SUFFIX = 4;

    record Result(List<EntityMention> entities, List<MinistryMention> ministries, boolean[] nameMask) {
    }

    /** What a candidate names; several candidates (a name and its abbreviation) may share one. */
    private static final class Spec {
        final KnownEntity known;
        final String name;
        final EntityClass cls;
        final Set<String> alts = new LinkedHashSet<>();
        Optional<DateValue> date = Optional.empty();
        Optional<BodyRef> body = Optional.empty();

        Spec(KnownEntity known, String name, EntityClass cls) {
            this.known = known;
            this.name = name;
            this.cls = cls;
        }

        String key() {
            return known != null ? known.key() : Iris.hashKey(name);
        }
    }

    private record Cand(int start, int end, int prio, Spec spec, Ministry ministry) {
        int length() {
            return end - start;
        }
    }

    private record ShortName(String norm, String display, int quoteOpen) {
    }

    private final ReferenceData ref;
    private final LabelMatcher<KnownEntity> curated;
    private final LabelMatcher<Ministry> ministries;

    EntityScanner(ReferenceData ref) {
        this.ref = ref;
        this.curated = new LabelMatcher<>(ref.labelIndex());
        this.ministries = new LabelMatcher<>(ref.ministryNameIndex());
    }

    Result scan(NormText t) {
        String n = t.norm();
        List<Cand> cands = new ArrayList<>();
        List<ShortName> shortNames = new ArrayList<>();
        boolean[] blocked = new boolean[n.length()];
        boolean[] quoted = new boolean[n.length()];

        for (int[] q : topLevelQuotes(n)) {
            mark(quoted, q[0], q[1] + 1);
            quoteCandidates(t, q[0], q[1], cands, shortNames, blocked);
        }
        bracketTitles(t, quoted, cands, blocked);
        pairs(t, cands);
        suffixNames(t, quoted, cands);
        for (LabelMatcher.Match<KnownEntity> m : curated.findAll(n)) {
            Spec spec = new Spec(m.value(), m.value().nameJa(), m.value().cls());
            cands.add(new Cand(m.start(), m.end(), CURATED, spec, null));
        }
        amendingLaws(t, cands);
        // Names the curated list calls generic (kinds of plan, concepts) are never things of their own.
        cands.removeIf(c -> c.spec() != null && c.spec().known == null && ref.isGenericTerm(c.spec().name));
        for (LabelMatcher.Match<Ministry> m : ministries.findAll(n)) {
            cands.add(new Cand(m.start(), m.end(), CURATED, null, m.value()));
        }

        List<Cand> accepted = select(cands, blocked, n.length());
        Map<String, Spec> local = localLabels(n, accepted, shortNames);
        if (!local.isEmpty()) {
            for (LabelMatcher.Match<Spec> m : new LabelMatcher<>(local).findAll(n)) {
                cands.add(new Cand(m.start(), m.end(), LOCAL, m.value(), null));
            }
            accepted = select(cands, blocked, n.length());
        }
        accepted = withOrdinals(n, accepted);
        return build(t, accepted);
    }

    // ---------------------------------------------------------------- quoted titles

    /** Outermost 「…」 and 『…』 pairs as {open, close} indexes; unbalanced marks are ignored. */
    private static List<int[]> topLevelQuotes(String n) {
        List<int[]> quotes = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '「' || c == '『') {
                open.push(i);
            } else if ((c == '」' || c == '』') && !open.isEmpty()) {
                int o = open.pop();
                if (open.isEmpty()) {
                    quotes.add(new int[] {o, i});
                }
            }
        }
        return quotes;
    }

    private void quoteCandidates(NormText t, int open, int close, List<Cand> cands, List<ShortName> shortNames,
                                 boolean[] blocked) {
        String n = t.norm();
        int a = open + 1;
        int titleEnd = close;
        Optional<Decision> decision = Optional.empty();
        String alias = null;
        if (close - 1 > a && n.charAt(close - 1) == ')') {
            int k = matchingOpen(n, close - 1, a);
            if (k > a) {
                decision = Decision.parse(n, k + 1, close - 1, ref);
                if (decision.isPresent()) {
                    mark(blocked, k, close);
                    titleEnd = k;
                } else if (close - 1 - (k + 1) <= 30 && n.substring(k + 1, close - 1).indexOf('。') < 0) {
                    alias = NormText.display(t.written(k + 1, close - 1));
                    titleEnd = k;
                }
            }
        }
        if (decision.isEmpty() && close + 1 < n.length() && n.charAt(close + 1) == '(') {
            int k = matchingClose(n, close + 1);
            if (k > 0) {
                decision = Decision.parse(n, close + 2, k, ref);
                if (decision.isPresent()) {
                    mark(blocked, close + 1, k + 1);
                }
            }
        }
        if (titleEnd <= a) {
            return;
        }
        String title = n.substring(a, titleEnd);
        String display = NormText.display(t.written(a, titleEnd));
        if (n.startsWith("という", close + 1)) {
            shortNames.add(new ShortName(title, display, open));
            return;
        }
        if (title.endsWith("。")) {
            return;
        }
        Optional<DateValue> date = decision.map(Decision::date);
        if (date.isEmpty()) {
            date = dateBefore(n, open).or(() -> dateAfter(n, close));
        }
        Optional<BodyRef> body = decision.flatMap(Decision::body);

        KnownEntity known = ref.labelIndex().get(title);
        Matcher year = TRAILING_YEAR.matcher(title);
        if (known == null && year.matches()) {
            known = ref.labelIndex().get(year.group(1));
        }
        Spec spec;
        if (known != null) {
            spec = new Spec(known, known.nameJa(), known.cls());
        } else {
            String core = classificationCore(title);
            EntityClass cls = decision.flatMap(Decision::cls).orElse(classify(core));
            boolean edition = year.matches();
            if (cls == null && edition) {
                cls = EntityClass.CERTIFICATION;
            }
            if (cls == null && (decision.isPresent() || date.isPresent())) {
                cls = EntityClass.CITATION;
            }
            if (cls == null) {
                return;
            }
            String name = display;
            if (edition && !cls.isCitation()) {
                name = NormText.display(t.written(a, a + year.group(1).length()));
            }
            spec = new Spec(null, name, cls);
            variants(t, a, titleEnd, spec, cls.isCitation());
        }
        if (alias != null) {
            spec.alts.add(alias);
        }
        if (spec.cls.isCitation()) {
            spec.date = date;
            spec.body = body;
        }
        cands.add(new Cand(a, titleEnd, known != null ? CURATED : QUOTED, spec, null));
    }

    private static final Pattern TRAILING_YEAR = Pattern.compile("(.+?)(?:19|20|21)[0-9]{2}");
    private static final Pattern LEADING_YEAR = Pattern.compile("(?:19|20|21)[0-9]{2}年度?(.+)");
    private static final Pattern VERSION = Pattern.compile(
            "(.+?)(?:ver\\.?[0-9.]+|Ver\\.?[0-9.]+|第[0-9]+版|改訂版|(?:19|20|21)[0-9]{2}(?:年度?版?)?)");

    /** The title without quote marks, edition years and versions: what its kind is read from. */
    private static String classificationCore(String title) {
        String core = title.replaceAll("[「」『』]", "");
        Matcher v = VERSION.matcher(core);
        if (v.matches()) {
            core = v.group(1);
        }
        return core;
    }

    /** Other ways to write a quoted title: without inner quotes, its inner short title, without the year. */
    private static void variants(NormText t, int a, int end, Spec spec, boolean citation) {
        String n = t.norm();
        String title = n.substring(a, end);
        String display = NormText.display(t.written(a, end));
        if (title.matches(".*[「」『』].*")) {
            spec.alts.add(display.replaceAll("[「」『』]", ""));
            int innerOpen = Math.max(title.lastIndexOf('『'), title.lastIndexOf('「'));
            if ((title.endsWith("』") || title.endsWith("」")) && innerOpen > 0) {
                spec.alts.add(NormText.display(t.written(a + innerOpen + 1, end - 1)));
            }
        }
        if (citation) {
            Matcher trailing = TRAILING_YEAR.matcher(title);
            if (trailing.matches()) {
                spec.alts.add(NormText.display(t.written(a, a + trailing.group(1).length())));
            }
            Matcher leading = LEADING_YEAR.matcher(title);
            if (leading.matches()) {
                spec.alts.add(NormText.display(t.written(end - leading.group(1).length(), end)));
            }
        }
        spec.alts.remove(spec.name);
    }

    private static final Pattern CUE_BEFORE = Pattern.compile(
            "に?(?:改定|策定|決定|改訂|公表|発出|作成|取りまとめ|とりまとめ)(?:した|された|し|され)$");
    private static final Pattern CUE_AFTER = Pattern.compile(
            "に?(?:改定|策定|決定|改訂|公表|発出|作成|取りまとめ|とりまとめ)");

    /** {@code 2021年1月29日に改定した「…」}: the date just before the quote. */
    private static Optional<DateValue> dateBefore(String n, int open) {
        int from = Math.max(0, open - 24);
        for (DateScanner.Hit h : DateScanner.scan(n, from, open).hits().reversed()) {
            if (!h.fiscal() && CUE_BEFORE.matcher(n.substring(h.end(), open)).matches()) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** {@code 「…」を2021年4月に策定}: the date just after the quote. */
    private static Optional<DateValue> dateAfter(String n, int close) {
        if (!n.startsWith("を", close + 1)) {
            return Optional.empty();
        }
        int to = Math.min(n.length(), close + 24);
        for (DateScanner.Hit h : DateScanner.scan(n, close + 2, to).hits()) {
            if (h.start() == close + 2 && !h.fiscal()
                    && CUE_AFTER.matcher(n).region(h.end(), to).lookingAt()) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- dated brackets after a name

    /** {@code 大阪・関西万博の基本方針（2020年12月21日閣議決定）}: an unquoted title dated by a decision. */
    private void bracketTitles(NormText t, boolean[] quoted, List<Cand> cands, boolean[] blocked) {
        String n = t.norm();
        for (int open = n.indexOf('('); open >= 0; open = n.indexOf('(', open + 1)) {
            if (quoted[open] || blocked[open] || open == 0 || n.charAt(open - 1) == '」' || n.charAt(open - 1) == '』') {
                continue;
            }
            int close = matchingClose(n, open);
            if (close < 0) {
                continue;
            }
            Optional<Decision> decision = Decision.parse(n, open + 1, close, ref);
            if (decision.isEmpty() || !decision.get().binding()) {
                continue;
            }
            mark(blocked, open, close + 1);
            int start = stripLeading(n, backScan(n, open, true, false), open);
            if (open - start < 3) {
                continue;
            }
            String core = n.substring(start, open);
            EntityClass suffix = classify(core);
            if (suffix == null || suffix == EntityClass.COUNCIL) {
                // a council dated by the decision that set it up, e.g. …関係閣僚会議（2015年9月11日閣議口頭了解）
                continue;
            }
            Spec spec = resolve(NormText.display(t.written(start, open)),
                    decision.get().cls().orElse(suffix.isCitation() ? suffix : EntityClass.CITATION));
            if (spec.cls.isCitation()) {
                spec.date = Optional.of(decision.get().date());
                spec.body = decision.get().body();
            }
            cands.add(new Cand(start, open, PAIR, spec, null));
        }
    }

    // ---------------------------------------------------------------- Name（ABBR） and ABBR（Name）

    private static final Pattern ACRONYM = Pattern.compile("[A-Za-z][A-Za-z0-9&-]*(?: [A-Za-z0-9][A-Za-z0-9&-]*){0,3}");

    private void pairs(NormText t, List<Cand> cands) {
        String n = t.norm();
        for (int open = n.indexOf('('); open >= 0; open = n.indexOf('(', open + 1)) {
            int segEnd = open + 1;
            while (segEnd < n.length() && "。、)(,".indexOf(n.charAt(segEnd)) < 0) {
                segEnd++;
            }
            if (segEnd >= n.length() || segEnd == open + 1) {
                continue;
            }
            String seg = n.substring(open + 1, segEnd);
            int tokenStart = open;
            while (tokenStart > 0 && (NormText.isLatinAlnum(n.charAt(tokenStart - 1))
                    || "&-".indexOf(n.charAt(tokenStart - 1)) >= 0)) {
                tokenStart--;
            }
            String token = n.substring(tokenStart, open);
            if (!token.isEmpty() && isAbbreviation(token)) {
                reversePair(t, tokenStart, open, segEnd, cands);
            } else if (ACRONYM.matcher(seg).matches() && isAbbreviation(seg)) {
                forwardPair(t, open, segEnd, cands);
            }
        }
    }

    /** {@code GAVI（Global Alliance …）}, {@code MFER（医用波形記述規約）}. */
    private void reversePair(NormText t, int tokenStart, int open, int segEnd, List<Cand> cands) {
        String n = t.norm();
        String token = n.substring(tokenStart, open);
        String seg = n.substring(open + 1, segEnd);
        if (ref.isGenericTerm(token) || ref.labelIndex().containsKey(token) || ref.labelIndex().containsKey(seg)
                || seg.codePointCount(0, seg.length()) < 3) {
            return;
        }
        Spec spec = resolve(NormText.display(t.written(open + 1, segEnd)), expansionClass(seg));
        spec.alts.add(NormText.display(t.written(tokenStart, open)));
        cands.add(new Cand(open + 1, segEnd, PAIR, spec, null));
        cands.add(new Cand(tokenStart, open, PAIR, spec, null));
    }

    /** {@code 出資型新事業創出支援プログラム（SUCCESS）}, {@code 第8回アフリカ開発会議（TICAD8）}. */
    private void forwardPair(NormText t, int open, int segEnd, List<Cand> cands) {
        String n = t.norm();
        String abbr = n.substring(open + 1, segEnd);
        if (ref.isGenericTerm(abbr) || ref.labelIndex().containsKey(abbr)) {
            return;
        }
        int start = stripLeading(n, backScan(n, open, false, false), open);
        if (open - start < 3 || !hasJapanese(n, start, open)) {
            return;
        }
        String name = n.substring(start, open);
        KnownEntity known = ref.labelIndex().get(name);
        Spec spec;
        if (known != null) {
            spec = new Spec(known, known.nameJa(), known.cls());
        } else {
            EntityClass cls = classify(name);
            spec = resolve(NormText.display(t.written(start, open)), cls == null ? EntityClass.INITIATIVE : cls);
            cands.add(new Cand(start, open, PAIR, spec, null));
        }
        spec.alts.add(NormText.display(t.written(open + 1, segEnd)));
        cands.add(new Cand(open + 1, segEnd, PAIR, spec, null));
    }

    /** An abbreviation has a word with two capitals or more: {@code NDB}, {@code EDGE-NEXT}, {@code jRCT}. */
    private static boolean isAbbreviation(String s) {
        for (String word : s.split("[ -]")) {
            int capitals = 0;
            for (int i = 0; i < word.length(); i++) {
                if (word.charAt(i) >= 'A' && word.charAt(i) <= 'Z') {
                    capitals++;
                }
            }
            if (capitals >= 2) {
                return true;
            }
        }
        return false;
    }

    private static EntityClass expansionClass(String expansion) {
        if (hasJapanese(expansion, 0, expansion.length())) {
            EntityClass cls = classify(expansion);
            return cls == null ? EntityClass.INITIATIVE : cls;
        }
        if (expansion.matches(".*\\b(Alliance|Organi[sz]ation|Agency|Association|Institute|Society|Foundation|Fund)\\b.*")) {
            return EntityClass.ORGANISATION;
        }
        if (expansion.matches(".*\\b(Initiative|Program|Programme|Project)\\b.*")) {
            return EntityClass.PROGRAMME;
        }
        if (expansion.matches(".*\\b(Database|Registry|System|Network)\\b.*")) {
            return EntityClass.DATA_SYSTEM;
        }
        if (expansion.matches(".*\\b(Conference|Summit|Forum)\\b.*")) {
            return EntityClass.EVENT;
        }
        return EntityClass.INITIATIVE;
    }

    // ---------------------------------------------------------------- names found by their suffix

    /**
     * A suffix that marks an unquoted proper name: how much of a name must stand right before it, what that part
     * must end with ({@code heads}) or begin with ({@code prefixes}); an empty list asks nothing.
     */
    private record SuffixRule(String suffix, EntityClass cls, int minQualifier, List<String> heads,
                              List<String> prefixes) {
        SuffixRule(String suffix, EntityClass cls, int minQualifier, List<String> heads) {
            this(suffix, cls, minQualifier, heads, List.of());
        }

        SuffixRule(String suffix, EntityClass cls, int minQualifier) {
            this(suffix, cls, minQualifier, List.of(), List.of());
        }
    }

    /**
     * What a budget line's name ends with before 事業 (研究事業, 支援事業, 推進事業 …); an 事業 without one is a
     * common noun (実証事業, 投資事業).
     */
    private static final List<String> PROGRAMME_HEADS = List.of("研究", "支援", "推進", "促進", "整備", "育成",
            "展開", "加速化", "創出", "出資", "実装", "構築", "強化", "開発", "普及", "振興", "活性化", "補助", "助成",
            "基盤", "サポート", "交付金");
    /** What a named scheme ends with before 制度 (登録制度, 指定制度 …); 審査制度, 表彰制度 are common nouns. */
    private static final List<String> SCHEME_HEADS = List.of("登録", "指定", "認証", "認定", "確認", "加算",
            "加減算", "減算", "支援");
    /** How the name of a public body begins (国立がん研究センター, 独立行政法人…機構). */
    private static final List<String> LEGAL_FORMS = List.of("国立研究開発法人", "独立行政法人", "国立大学法人",
            "地方独立行政法人", "一般社団法人", "公益社団法人", "一般財団法人", "公益財団法人", "国立");
    /** What a law's short name ends with before 法 (基本法, 推進法 …); 予防法, 手法 are not laws. */
    private static final List<String> LAW_HEADS = List.of("基本", "推進", "対策", "促進", "整備", "確保", "振興",
            "保護", "基盤", "防止", "増進", "規制", "措置", "管理", "支援", "保険", "特別措置", "改正");

    private static final List<SuffixRule> SUFFIX_RULES = List.of(
            new SuffixRule("ワーキンググループ", EntityClass.COUNCIL, 3),
            new SuffixRule("協議会", EntityClass.COUNCIL, 3),
            new SuffixRule("審議会", EntityClass.COUNCIL, 3),
            new SuffixRule("部会", EntityClass.COUNCIL, 3),
            new SuffixRule("会議", EntityClass.COUNCIL, 3),
            new SuffixRule("本部", EntityClass.COUNCIL, 3),
            new SuffixRule("事業", EntityClass.PROGRAMME, 4, PROGRAMME_HEADS),
            new SuffixRule("制度", EntityClass.PROGRAMME, 4, SCHEME_HEADS),
            new SuffixRule("プロジェクト", EntityClass.PROGRAMME, 4),
            new SuffixRule("に関する法律", EntityClass.LAW, 2),
            new SuffixRule("法", EntityClass.LAW, 2, LAW_HEADS),
            new SuffixRule("センター", EntityClass.ORGANISATION, 3, List.of(), LEGAL_FORMS),
            new SuffixRule("研究所", EntityClass.ORGANISATION, 3, List.of(), LEGAL_FORMS),
            new SuffixRule("機構", EntityClass.ORGANISATION, 3, List.of(), LEGAL_FORMS),
            new SuffixRule("科学院", EntityClass.ORGANISATION, 3, List.of(), LEGAL_FORMS),
            new SuffixRule("病院", EntityClass.ORGANISATION, 3, List.of(), LEGAL_FORMS));
    private static final List<String> AFTER_COUNCIL = List.of("等", "及", "並", "又", "設置", "開催");

    private void suffixNames(NormText t, boolean[] quoted, List<Cand> cands) {
        String n = t.norm();
        for (SuffixRule rule : SUFFIX_RULES) {
            for (int i = n.indexOf(rule.suffix()); i >= 0; i = n.indexOf(rule.suffix(), i + 1)) {
                if (quoted[i]) {
                    continue;
                }
                int end = i + rule.suffix().length();
                if (!endsName(n, end, rule.cls())) {
                    continue;
                }
                boolean law = rule.cls() == EntityClass.LAW;
                // the words right before the suffix must make a name on their own; connectors
                // (スポーツ人口拡大に向けた取組モデル創出事業) only lengthen it
                int near = stripLeading(n, backScan(n, i, law, false), i);
                int start = law ? near : stripLeading(n, backScan(n, i, false, true), i);
                boolean extended = start < near;
                if (i - near < rule.minQualifier() && !(extended && i - near >= 2) && rule.prefixes().isEmpty()) {
                    continue;
                }
                String qualifier = n.substring(near, i);
                if (!rule.heads().isEmpty() && !hasHead(qualifier, rule.heads())) {
                    continue;
                }
                if (!rule.prefixes().isEmpty()) {
                    start = legalFormStart(n, i, rule.prefixes());
                    if (start < 0) {
                        continue;
                    }
                }
                if (rule.cls() == EntityClass.COUNCIL) {
                    end = workingGroupEnd(n, end);
                }
                cands.add(new Cand(start, end, SUFFIX, resolve(NormText.display(t.written(start, end)), rule.cls()),
                        null));
            }
        }
    }

    private static final Set<String> PARTICLES = Set.of("の", "に", "を", "は", "が", "で", "と", "へ", "や", "も",
            "から", "より", "まで", "する", "した", "される", "された");

    /**
     * Where the name of a public body ending at {@code end} begins: at the nearest legal form
     * (国立, 独立行政法人 …) reached back over words, hiragana words included (国立がん研究センター) but not
     * particles; -1 if there is none.
     */
    private static int legalFormStart(String n, int end, List<String> forms) {
        int i = end;
        while (i > 0 && end - i < 30) {
            char c = n.charAt(i - 1);
            if (isNameChar(c) && c != ' ') {
                i--;
            } else if (NormText.isHiragana(c)) {
                int runStart = i - 1;
                while (runStart > 0 && NormText.isHiragana(n.charAt(runStart - 1))) {
                    runStart--;
                }
                if (PARTICLES.contains(n.substring(runStart, i))) {
                    break;
                }
                i = runStart;
            } else {
                break;
            }
        }
        for (int at = i; at < end; at++) {
            for (String form : forms) {
                if (n.startsWith(form, at) && end - at > form.length() + 2) {
                    return at;
                }
            }
        }
        return -1;
    }

    /** True when the suffix ends the word: 事業 in 事業者 or 事業化 does not. */
    private static boolean endsName(String n, int end, EntityClass cls) {
        if (end >= n.length()) {
            return true;
        }
        char c = n.charAt(end);
        if (cls == EntityClass.COUNCIL) {
            if (!NormText.isKanji(c)) {
                return true;
            }
            for (String after : AFTER_COUNCIL) {
                if (n.startsWith(after, end)) {
                    return true;
                }
            }
            return false;
        }
        return c == '等' || c == '及' || c == '並' || c == '又' || !(NormText.isKanji(c) || NormText.isKatakana(c));
    }

    /** {@code アフリカビジネス協議会ヘルスケアWG}: a working group named after its council. */
    private static int workingGroupEnd(String n, int end) {
        int i = end;
        while (i < n.length() && i - end <= 15 && (NormText.isKatakana(n.charAt(i)) || NormText.isKanji(n.charAt(i))
                || NormText.isLatinLetter(n.charAt(i)))) {
            if (n.startsWith("WG", i) || n.startsWith("ワーキンググループ", i)) {
                int groupEnd = i + (n.startsWith("WG", i) ? 2 : "ワーキンググループ".length());
                return i > end || groupEnd > end ? groupEnd : end;
            }
            i++;
        }
        return end;
    }

    private static boolean hasHead(String qualifier, List<String> heads) {
        for (String head : heads) {
            if (qualifier.endsWith(head) && qualifier.length() - head.length() >= 2) {
                return true;
            }
        }
        return false;
    }

    /** {@code 薬機法等の一部を改正する法律}: an amending law is a law of its own. */
    private static final Pattern AMENDING = Pattern.compile("(?:等)?の一部を改正する法律");

    private static void amendingLaws(NormText t, List<Cand> cands) {
        String n = t.norm();
        List<Cand> extra = new ArrayList<>();
        for (Cand c : cands) {
            if (c.spec() != null && c.spec().cls == EntityClass.LAW) {
                Matcher m = AMENDING.matcher(n).region(c.end(), n.length());
                if (m.lookingAt()) {
                    Spec spec = new Spec(null, NormText.display(t.written(c.start(), m.end())), EntityClass.LAW);
                    extra.add(new Cand(c.start(), m.end(), SUFFIX, spec, null));
                }
            }
        }
        cands.addAll(extra);
    }

    // ---------------------------------------------------------------- name boundaries

    private static final List<String> CONNECTORS = List.of("に向けた", "における", "による", "のための", "に関する",
            "に係る", "に資する");
    private static final String OKURIGANA = "れりみけえ";

    private static boolean isNameChar(char c) {
        return NormText.isKanji(c) || NormText.isKatakana(c) || NormText.isLatinAlnum(c) || c == '・' || c == '-'
                || c == '&' || c == '々' || c == ' ';
    }

    /**
     * Where the name ending at {@code end} begins: back over kanji, katakana, Latin letters and digits; over a
     * single okurigana between kanji (受入れ医療); over の when {@code allowNo}; over connectors
     * (に向けた, における …) when {@code connectors}.
     */
    private static int backScan(String n, int end, boolean allowNo, boolean connectors) {
        int i = end;
        outer:
        while (i > 0) {
            char c = n.charAt(i - 1);
            if (isNameChar(c)) {
                i--;
                continue;
            }
            if (!NormText.isHiragana(c)) {
                break;
            }
            if (allowNo && c == 'の' && i >= 2 && isNameChar(n.charAt(i - 2))) {
                i--;
                continue;
            }
            if (OKURIGANA.indexOf(c) >= 0 && i >= 2 && i < end && NormText.isKanji(n.charAt(i - 2))
                    && NormText.isKanji(n.charAt(i))) {
                i--;
                continue;
            }
            if (connectors) {
                for (String conn : CONNECTORS) {
                    int s = i - conn.length();
                    if (s >= 1 && n.startsWith(conn, s) && isNameChar(n.charAt(s - 1))) {
                        i = s;
                        continue outer;
                    }
                }
            }
            break;
        }
        while (i < end && (n.charAt(i) == ' ' || n.charAt(i) == '・' || n.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    private static final Pattern LEADING = Pattern.compile(
            "(?:[0-9]{4}年度?|[0-9]{1,2}月|[0-9]{1,2}日|第[0-9]+(?:回|期|次)|各|同|当該|上記|前記|本|・)+");

    /** Drops what stands before a name without being part of it: dates, ordinals, 各/同/当該. */
    private static int stripLeading(String n, int start, int limit) {
        Matcher m = LEADING.matcher(n).region(start, limit);
        if (m.lookingAt() && m.end() < limit) {
            return m.end();
        }
        return start;
    }

    private static boolean hasJapanese(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (NormText.isKanji(c) || NormText.isKatakana(c)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- kinds of names

    private record Suffix(String suffix, EntityClass cls) {
    }

    /** Suffix → kind, longest suffix first (認証制度 before 制度). */
    private static final List<Suffix> SUFFIXES = sorted(List.of(
            new Suffix("法律", EntityClass.LAW),
            new Suffix("アクションプラン", EntityClass.PLAN), new Suffix("計画", EntityClass.PLAN),
            new Suffix("計画書", EntityClass.PLAN), new Suffix("戦略", EntityClass.PLAN),
            new Suffix("プラン", EntityClass.PLAN), new Suffix("方針", EntityClass.PLAN),
            new Suffix("構想", EntityClass.INITIATIVE), new Suffix("ビジョン", EntityClass.PLAN),
            new Suffix("ロードマップ", EntityClass.PLAN), new Suffix("工程表", EntityClass.PLAN),
            new Suffix("大綱", EntityClass.PLAN),
            new Suffix("ガイドライン", EntityClass.GUIDELINE), new Suffix("指針", EntityClass.GUIDELINE),
            new Suffix("手引き", EntityClass.GUIDELINE), new Suffix("手引", EntityClass.GUIDELINE),
            new Suffix("ガイダンス", EntityClass.GUIDELINE), new Suffix("ガイドブック", EntityClass.GUIDELINE),
            new Suffix("ポリシー", EntityClass.GUIDELINE), new Suffix("要綱", EntityClass.GUIDELINE),
            new Suffix("要領", EntityClass.GUIDELINE), new Suffix("マニュアル", EntityClass.GUIDELINE),
            new Suffix("報告書", EntityClass.REPORT), new Suffix("報告", EntityClass.REPORT),
            new Suffix("とりまとめ", EntityClass.REPORT), new Suffix("取りまとめ", EntityClass.REPORT),
            new Suffix("まとめ", EntityClass.REPORT), new Suffix("レポート", EntityClass.REPORT),
            new Suffix("白書", EntityClass.REPORT), new Suffix("提言", EntityClass.REPORT),
            new Suffix("認証制度", EntityClass.CERTIFICATION), new Suffix("認定制度", EntityClass.CERTIFICATION),
            new Suffix("銘柄", EntityClass.CERTIFICATION),
            new Suffix("事業", EntityClass.PROGRAMME), new Suffix("プロジェクト", EntityClass.PROGRAMME),
            new Suffix("プログラム", EntityClass.PROGRAMME), new Suffix("制度", EntityClass.PROGRAMME),
            new Suffix("研究", EntityClass.PROGRAMME), new Suffix("調査", EntityClass.PROGRAMME),
            new Suffix("運動", EntityClass.PROGRAMME), new Suffix("補助金", EntityClass.PROGRAMME),
            new Suffix("イニシアティブ", EntityClass.PROGRAMME),
            new Suffix("協議会", EntityClass.COUNCIL), new Suffix("会議", EntityClass.COUNCIL),
            new Suffix("本部", EntityClass.COUNCIL), new Suffix("ワーキンググループ", EntityClass.COUNCIL),
            new Suffix("WG", EntityClass.COUNCIL), new Suffix("審議会", EntityClass.COUNCIL),
            new Suffix("部会", EntityClass.COUNCIL), new Suffix("委員会", EntityClass.COUNCIL),
            new Suffix("検討会", EntityClass.COUNCIL),
            new Suffix("センター", EntityClass.ORGANISATION), new Suffix("機構", EntityClass.ORGANISATION),
            new Suffix("研究所", EntityClass.ORGANISATION), new Suffix("学会", EntityClass.ORGANISATION),
            new Suffix("シンポジウム", EntityClass.EVENT), new Suffix("フォーラム", EntityClass.EVENT),
            new Suffix("博覧会", EntityClass.EVENT), new Suffix("大賞", EntityClass.EVENT),
            new Suffix("サミット", EntityClass.EVENT),
            new Suffix("データベース", EntityClass.DATA_SYSTEM), new Suffix("システム", EntityClass.DATA_SYSTEM),
            new Suffix("ポータルサイト", EntityClass.DATA_SYSTEM),
            new Suffix("プラットフォーム", EntityClass.DATA_SYSTEM)));
    /** Words ending in 法 that are methods, not laws. */
    private static final Pattern NOT_LAW = Pattern.compile(
            ".*(?:方法|手法|療法|用法|技法|工法|製法|作法|文法|予防法|治療法|診断法|解析法|評価法|分析法|検査法|測定法)");

    /** The kind of a name by its last word; null when the name says nothing about it. */
    static EntityClass classify(String name) {
        for (Suffix s : SUFFIXES) {
            if (name.endsWith(s.suffix()) && name.length() > s.suffix().length()) {
                return s.cls();
            }
        }
        if (name.endsWith("法") && name.length() >= 3 && !NOT_LAW.matcher(name).matches()) {
            return EntityClass.LAW;
        }
        return null;
    }

    private static List<Suffix> sorted(List<Suffix> suffixes) {
        List<Suffix> list = new ArrayList<>(suffixes);
        list.sort(Comparator.comparing((Suffix s) -> -s.suffix().length()).thenComparing(Suffix::suffix));
        return List.copyOf(list);
    }

    /** A found name: the curated entity if the name is one of its labels, else a new one. */
    private Spec resolve(String name, EntityClass cls) {
        KnownEntity known = ref.byLabel(name).orElse(null);
        if (known != null) {
            return new Spec(known, known.nameJa(), known.cls());
        }
        return new Spec(null, name, cls);
    }

    // ---------------------------------------------------------------- choosing among candidates

    private static List<Cand> select(List<Cand> cands, boolean[] blocked, int length) {
        List<Cand> order = new ArrayList<>(cands);
        order.sort(Comparator.comparingInt((Cand c) -> -c.length()).thenComparingInt(Cand::prio)
                .thenComparingInt(Cand::start));
        boolean[] taken = new boolean[length];
        List<Cand> accepted = new ArrayList<>();
        for (Cand c : order) {
            if (any(blocked, c.start(), c.end()) || any(taken, c.start(), c.end())) {
                continue;
            }
            mark(taken, c.start(), c.end());
            accepted.add(c);
        }
        accepted.sort(Comparator.comparingInt(Cand::start));
        return accepted;
    }

    /** Names the text itself introduced, to be found again where it repeats them (地域版協議会, MEDISO). */
    private static Map<String, Spec> localLabels(String n, List<Cand> accepted, List<ShortName> shortNames) {
        Map<String, Spec> local = new LinkedHashMap<>();
        for (ShortName s : shortNames) {
            // （以下、「地域版協議会」という。）: the name defined is the one ending where the bracket opens
            int paren = n.lastIndexOf('(', s.quoteOpen());
            if (paren < 0 || !n.substring(paren + 1, s.quoteOpen()).matches("以下[、,]?")) {
                continue;
            }
            for (Cand c : accepted) {
                if (c.spec() != null && c.end() == paren) {
                    c.spec().alts.add(s.display());
                    addLocal(local, s.display(), c.spec());
                }
            }
        }
        for (Cand c : accepted) {
            if (c.spec() == null || c.spec().known != null) {
                continue;
            }
            addLocal(local, c.spec().name, c.spec());
            for (String alt : c.spec().alts) {
                addLocal(local, alt, c.spec());
            }
        }
        return local;
    }

    private static void addLocal(Map<String, Spec> local, String label, Spec spec) {
        String key = NormText.key(label);
        if (key.codePointCount(0, key.length()) >= 2) {
            local.putIfAbsent(key, spec);
        }
    }

    private static final Pattern ORDINAL_BEFORE = Pattern.compile("第[0-9]+(?:回|期|次)$");

    /** {@code 第2回健康・医療新産業協議会}: the ordinal is part of what the text names, not of the name. */
    private static List<Cand> withOrdinals(String n, List<Cand> accepted) {
        List<Cand> result = new ArrayList<>(accepted.size());
        int previousEnd = 0;
        for (Cand c : accepted) {
            Cand out = c;
            if (c.spec() != null) {
                int from = Math.max(previousEnd, c.start() - 8);
                Matcher m = ORDINAL_BEFORE.matcher(n).region(from, c.start());
                if (m.find()) {
                    out = new Cand(m.start(), c.end(), c.prio(), c.spec(), null);
                }
            }
            result.add(out);
            previousEnd = c.end();
        }
        return result;
    }

    private static Result build(NormText t, List<Cand> accepted) {
        Map<String, List<Spec>> byKey = new LinkedHashMap<>();
        for (Cand c : accepted) {
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
        for (Cand c : accepted) {
            mark(mask, c.start(), c.end());
            if (c.spec() != null) {
                mentions.add(new EntityMention(t.span(c.start(), c.end()), entities.get(c.spec().key())));
            } else {
                ministries.add(new MinistryMention(t.span(c.start(), c.end()), c.ministry().key()));
            }
        }
        return new Result(mentions, ministries, mask);
    }

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

    // ---------------------------------------------------------------- brackets and masks

    private static int matchingClose(String n, int open) {
        int depth = 0;
        for (int i = open; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int matchingOpen(String n, int close, int limit) {
        int depth = 0;
        for (int i = close; i >= limit; i--) {
            char c = n.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void mark(boolean[] mask, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(mask.length, to); i++) {
            mask[i] = true;
        }
    }

    private static boolean any(boolean[] mask, int from, int to) {
        for (int i = from; i < to; i++) {
            if (mask[i]) {
                return true;
            }
        }
        return false;
    }
}
