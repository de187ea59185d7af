package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hmskg.extract.EntityClass;
import org.hmskg.extract.NormText;

/**
 * Unquoted proper names found by the word they end with ({@code reference/suffix-rules.tsv}): councils
 * (…協議会, …会議), budget lines (…研究事業), named schemes (…登録制度), laws (…基本法) and public bodies
 * (国立…センター). The words right before the suffix must make a name on their own; connectors
 * ({@code スポーツ人口拡大に向けた取組モデル創出事業}) only lengthen it.
 */
final class SuffixNames implements Rule {
    private final Names names;
    private final List<EntityWords.SuffixRule> rules;
    private final List<String> legalForms;
    private final Set<String> particles;
    private final List<String> afterName;
    private final List<String> afterCouncil;
    private final List<String> workingGroups;

    SuffixNames(Names names) {
        this.names = names;
        EntityWords words = names.words();
        this.rules = words.suffixRules();
        this.legalForms = words.legalForms();
        this.particles = words.wordSet("particle");
        this.afterName = words.words("after-name");
        this.afterCouncil = words.words("after-council");
        this.workingGroups = words.words("working-group");
    }

    @Override
    public void propose(Scan scan) {
        find(scan, 0, scan.norm.length(), false).forEach(scan::add);
    }

    /**
     * The names inside a title at {@code [from, to)}, quoted or not; there a name may run into the title's own
     * kind word (地域・職域連携推進事業 in 地域・職域連携推進事業実施要綱).
     */
    List<Candidate> within(Scan scan, int from, int to) {
        return find(scan, from, to, true).stream().filter(c -> c.start() >= from && c.end() <= to).toList();
    }

    private List<Candidate> find(Scan scan, int from, int to, boolean inTitle) {
        String n = scan.norm;
        List<Candidate> found = new ArrayList<>();
        for (EntityWords.SuffixRule rule : rules) {
            for (int i = n.indexOf(rule.suffix(), from); i >= 0 && i < to; i = n.indexOf(rule.suffix(), i + 1)) {
                if (scan.quoted[i] && !inTitle) {
                    continue;
                }
                int end = i + rule.suffix().length();
                if (!endsName(n, end, rule.cls()) && !(inTitle && runsIntoKind(n, end, to))) {
                    continue;
                }
                boolean law = rule.cls() == EntityClass.LAW;
                int near = names.stripLeading(n, names.backScan(n, i, law, false), i);
                int start = law ? near : names.stripLeading(n, names.backScan(n, i, false, true), i);
                boolean extended = start < near;
                if (i - near < rule.minQualifier() && !(extended && (i - near >= 2 || namedByTopic(rule, start, i)))
                        && !rule.legalForm()) {
                    continue;
                }
                if (names.isLeadingOnly(n, near, i)) {
                    continue;
                }
                String qualifier = n.substring(near, i);
                if (!rule.heads().isEmpty() && !hasHead(qualifier, rule.heads())) {
                    continue;
                }
                if (rule.legalForm()) {
                    start = legalFormStart(n, i);
                    if (start < 0) {
                        continue;
                    }
                }
                if (rule.cls() == EntityClass.COUNCIL) {
                    end = workingGroupEnd(n, end);
                } else if (rule.cls().isCitation()) {
                    end = editionEnd(n, end);
                }
                found.add(Candidate.of(start, end, Candidate.Trust.SUFFIX,
                        scan.resolve(scan.display(start, end), refined(rule.cls(), n.substring(start, end)))));
            }
        }
        return found;
    }

    /**
     * {@code 在宅医療推進に関する検討会}: a body of three characters or more (検討会, 委員会, not 会議) is named by its
     * topic and a connector alone, when the topic and connector hold seven characters or more.
     */
    private static boolean namedByTopic(EntityWords.SuffixRule rule, int start, int suffixStart) {
        return rule.cls() == EntityClass.COUNCIL && rule.suffix().length() >= 3 && suffixStart - start >= 7;
    }

    /** A scheme whose last words make it a certification (…認定制度, …指定制度) is one; else the rule's class. */
    private EntityClass refined(EntityClass cls, String name) {
        return cls == EntityClass.PROGRAMME && names.classify(name) == EntityClass.CERTIFICATION
                ? EntityClass.CERTIFICATION : cls;
    }

    /** The rest of a title {@code [end, to)} is a kind word of its own (実施要綱): kanji and katakana only. */
    private boolean runsIntoKind(String n, int end, int to) {
        if (end >= to) {
            return false;
        }
        for (int i = end; i < to; i++) {
            if (!NormText.isKanji(n.charAt(i)) && !NormText.isKatakana(n.charAt(i))) {
                return false;
            }
        }
        return names.classify("・" + n.substring(end, to)) != null;
    }

    /**
     * Where the name of a public body ending at {@code end} begins: at the nearest legal form
     * (国立, 独立行政法人 …) reached back over words, hiragana words included (国立がん研究センター) but not
     * particles; -1 if there is none.
     */
    private int legalFormStart(String n, int end) {
        int i = end;
        while (i > 0 && end - i < 30) {
            char c = n.charAt(i - 1);
            if (Names.isNameChar(c) && c != ' ') {
                i--;
            } else if (NormText.isHiragana(c)) {
                int runStart = i - 1;
                while (runStart > 0 && NormText.isHiragana(n.charAt(runStart - 1))) {
                    runStart--;
                }
                if (particles.contains(n.substring(runStart, i))) {
                    break;
                }
                i = runStart;
            } else {
                break;
            }
        }
        for (int at = i; at < end; at++) {
            for (String form : legalForms) {
                if (n.startsWith(form, at) && end - at > form.length() + 2) {
                    return at;
                }
            }
        }
        return -1;
    }

    /** True when the suffix ends the word: 事業 in 事業者 or 事業化 does not. */
    private boolean endsName(String n, int end, EntityClass cls) {
        if (end >= n.length()) {
            return true;
        }
        char c = n.charAt(end);
        if (cls == EntityClass.COUNCIL) {
            if (!NormText.isKanji(c)) {
                return true;
            }
            return startsWithAny(n, end, afterCouncil);
        }
        return startsWithAny(n, end, afterName) || !(NormText.isKanji(c) || NormText.isKatakana(c));
    }

    /** {@code がん対策推進基本計画（第4期）}: a document's name keeps the edition bracket right after it. */
    private int editionEnd(String n, int end) {
        if (end >= n.length() || n.charAt(end) != '(') {
            return end;
        }
        int close = Names.matchingClose(n, end);
        return close > 0 && names.isEdition(n.substring(end + 1, close)) ? close + 1 : end;
    }

    /** {@code アフリカビジネス協議会ヘルスケアWG}: a working group named after its council. */
    private int workingGroupEnd(String n, int end) {
        int i = end;
        while (i < n.length() && i - end <= 15 && (NormText.isKatakana(n.charAt(i)) || NormText.isKanji(n.charAt(i))
                || NormText.isLatinLetter(n.charAt(i)))) {
            for (String group : workingGroups) {
                if (n.startsWith(group, i)) {
                    int groupEnd = i + group.length();
                    return i > end || groupEnd > end ? groupEnd : end;
                }
            }
            i++;
        }
        return end;
    }

    private static boolean startsWithAny(String n, int at, List<String> words) {
        for (String w : words) {
            if (n.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHead(String qualifier, List<String> heads) {
        for (String head : heads) {
            if (qualifier.endsWith(head) && qualifier.length() - head.length() >= 2) {
                return true;
            }
        }
        return false;
    }
}
