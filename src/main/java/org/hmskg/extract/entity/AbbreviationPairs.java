package org.hmskg.extract.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.hmskg.extract.EntityClass;
import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.NormText;

/**
 * A name and its abbreviation written together: {@code 出資型新事業創出支援プログラム（SUCCESS）} (the name first) and
 * {@code GAVI（Global Alliance …）}, {@code MFER（医用波形記述規約）} (the abbreviation first). Both are mentions of one
 * thing; abbreviations the reference data calls generic (AI, UHC …) are none.
 */
final class AbbreviationPairs implements Rule {
    private static final Pattern ACRONYM = Pattern.compile("[A-Za-z][A-Za-z0-9&-]*(?: [A-Za-z0-9][A-Za-z0-9&-]*){0,3}");

    private final Names names;
    private final Map<EntityClass, Pattern> englishHeads = new LinkedHashMap<>();

    AbbreviationPairs(Names names) {
        this.names = names;
        for (Map.Entry<EntityClass, List<String>> e : names.words().englishHeads().entrySet()) {
            englishHeads.put(e.getKey(), Pattern.compile("\\b(?:" + Names.alternatives(e.getValue()) + ")\\b"));
        }
    }

    @Override
    public void propose(Scan scan) {
        String n = scan.norm;
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
                reversePair(scan, tokenStart, open, segEnd);
            } else if (ACRONYM.matcher(seg).matches() && isAbbreviation(seg)) {
                forwardPair(scan, open, segEnd);
            }
        }
    }

    /** {@code GAVI（Global Alliance …）}, {@code MFER（医用波形記述規約）}. */
    private void reversePair(Scan scan, int tokenStart, int open, int segEnd) {
        String n = scan.norm;
        String token = n.substring(tokenStart, open);
        String seg = n.substring(open + 1, segEnd);
        if (scan.ref.isGenericTerm(token) || scan.ref.labelIndex().containsKey(token)
                || scan.ref.labelIndex().containsKey(seg) || seg.codePointCount(0, seg.length()) < 3) {
            return;
        }
        // A Japanese expansion is the name (MFER（医用波形記述規約）); of a Latin gloss, the abbreviation is
        // (PFS（Pay For Success）), as the documents use it.
        boolean gloss = !Names.hasJapanese(seg, 0, seg.length());
        String expansion = scan.display(open + 1, segEnd);
        String abbreviation = scan.display(tokenStart, open);
        Spec spec = scan.resolve(gloss ? abbreviation : expansion, expansionClass(seg));
        spec.alts.add(gloss ? expansion : abbreviation);
        scan.add(Candidate.of(open + 1, segEnd, Candidate.Trust.PAIR, spec));
        scan.add(Candidate.of(tokenStart, open, Candidate.Trust.PAIR, spec));
    }

    /** {@code 出資型新事業創出支援プログラム（SUCCESS）}, {@code 第8回アフリカ開発会議（TICAD8）}. */
    private void forwardPair(Scan scan, int open, int segEnd) {
        String n = scan.norm;
        String abbr = n.substring(open + 1, segEnd);
        if (scan.ref.isGenericTerm(abbr) || scan.ref.labelIndex().containsKey(abbr)) {
            return;
        }
        int start = names.stripLeading(n, names.backScan(n, open, false, false), open);
        if (open - start < 3 || !Names.hasJapanese(n, start, open)) {
            return;
        }
        String name = n.substring(start, open);
        KnownEntity known = scan.ref.labelIndex().get(name);
        Spec spec;
        if (known != null) {
            spec = Spec.of(known);
        } else {
            EntityClass cls = names.classify(name);
            spec = scan.resolve(scan.display(start, open), cls == null ? EntityClass.INITIATIVE : cls);
            scan.add(Candidate.of(start, open, Candidate.Trust.PAIR, spec));
        }
        spec.alts.add(scan.display(open + 1, segEnd));
        scan.add(Candidate.of(open + 1, segEnd, Candidate.Trust.PAIR, spec));
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

    private EntityClass expansionClass(String expansion) {
        if (Names.hasJapanese(expansion, 0, expansion.length())) {
            EntityClass cls = names.classify(expansion);
            return cls == null ? EntityClass.INITIATIVE : cls;
        }
        for (Map.Entry<EntityClass, Pattern> e : englishHeads.entrySet()) {
            if (e.getValue().matcher(expansion).find()) {
                return e.getKey();
            }
        }
        return EntityClass.INITIATIVE;
    }
}
