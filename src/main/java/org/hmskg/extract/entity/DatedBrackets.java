package org.hmskg.extract.entity;

import java.util.Optional;

import org.hmskg.extract.EntityClass;

/**
 * {@code 大阪・関西万博の基本方針（2020年12月21日閣議決定）}: an unquoted title dated by a decision bracket right after
 * it, its name running back over connectors ({@code 医療DXの推進に関する工程表（…決定）}) and keeping an edition
 * bracket between it and the date ({@code がん対策推進基本計画（第4期）（…閣議決定）}). The bracket itself is reserved
 * (no name is found inside it); a council dated by the decision that set it up is left to the other rules.
 */
final class DatedBrackets implements Rule {
    private final Names names;

    DatedBrackets(Names names) {
        this.names = names;
    }

    @Override
    public void propose(Scan scan) {
        String n = scan.norm;
        for (int open = n.indexOf('('); open >= 0; open = n.indexOf('(', open + 1)) {
            if (scan.quoted[open] || scan.blocked[open] || open == 0 || n.charAt(open - 1) == '」'
                    || n.charAt(open - 1) == '』') {
                continue;
            }
            int close = Names.matchingClose(n, open);
            if (close < 0) {
                continue;
            }
            Optional<Decision> decision = Decision.parse(n, open + 1, close, scan.ref, names);
            if (decision.isEmpty() || !decision.get().binding()) {
                continue;
            }
            Scan.mark(scan.blocked, open, close + 1);
            decision.get().body().ifPresent(scan.bodies::add);
            int nameEnd = names.editionStart(n, open);
            int start = names.stripLeading(n, names.backScan(n, nameEnd, true, true), nameEnd);
            if (nameEnd - start < 3) {
                continue;
            }
            String core = n.substring(start, nameEnd);
            EntityClass suffix = names.classify(core);
            if (suffix == null || suffix == EntityClass.COUNCIL) {
                // a council dated by the decision that set it up, e.g. …関係閣僚会議（2015年9月11日閣議口頭了解）
                continue;
            }
            Spec spec = scan.resolve(scan.display(start, open),
                    decision.get().cls().orElse(suffix.isCitation() ? suffix : EntityClass.CITATION));
            if (spec.cls.isCitation()) {
                spec.date = Optional.of(decision.get().date());
                spec.body = decision.get().body().flatMap(Body::ref);
            }
            scan.add(Candidate.of(start, open, Candidate.Trust.PAIR, spec));
        }
    }
}
