package org.hmskg.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hmskg.extract.ReferenceTable.Row;

/**
 * The curated reference tables on the class path ({@code reference/*.tsv}): ministry codes, known initiatives and
 * cited documents, external identifiers, and generic terms that look like names but are not initiatives. Read
 * once; immutable and safe to share between threads.
 */
public final class ReferenceData {
    static final String MINISTRIES = "reference/ministry-codes.tsv";
    static final String INITIATIVES = "reference/initiatives.tsv";
    static final String EXTERNAL_IDS = "reference/external-ids.tsv";
    static final String GENERIC_TERMS = "reference/generic-terms.tsv";

    /** One row of external-ids.tsv; only {@code seen-exact} rows may become {@code owl:sameAs}. */
    public record ExternalId(String kind, String nameJa, String nameEn, String scheme, String id, String iri,
                             String source, String confidence, String note) {
    }

    private final Map<String, Ministry> ministriesByKey;
    private final Map<String, Ministry> ministriesByCode;
    private final Map<String, Ministry> ministriesByName;
    private final Map<String, KnownEntity> knownByKey;
    private final Map<String, KnownEntity> knownByLabel;
    private final List<ExternalId> externalIds;
    private final Set<String> genericTerms;

    private ReferenceData(Map<String, Ministry> ministriesByKey, Map<String, Ministry> ministriesByCode,
                          Map<String, KnownEntity> knownByKey, List<ExternalId> externalIds,
                          Set<String> genericTerms, String initiativesSource) {
        this.ministriesByKey = Collections.unmodifiableMap(ministriesByKey);
        this.ministriesByCode = Collections.unmodifiableMap(ministriesByCode);
        this.knownByKey = Collections.unmodifiableMap(knownByKey);
        this.externalIds = List.copyOf(externalIds);
        this.genericTerms = Set.copyOf(genericTerms);
        Map<String, Ministry> byName = new LinkedHashMap<>();
        for (Ministry m : ministriesByKey.values()) {
            byName.put(NormText.key(m.nameJa()), m);
            byName.put(NormText.key(m.shortName()), m);
        }
        this.ministriesByName = Collections.unmodifiableMap(byName);
        Map<String, KnownEntity> byLabel = new LinkedHashMap<>();
        for (KnownEntity e : knownByKey.values()) {
            for (String label : e.labels()) {
                KnownEntity other = byLabel.put(NormText.key(label), e);
                if (other != null && other != e) {
                    throw new ReferenceDataException(initiativesSource + ": label '" + label + "' names both '"
                            + other.key() + "' and '" + e.key() + "'");
                }
            }
        }
        this.knownByLabel = Collections.unmodifiableMap(byLabel);
    }

    private static final class Holder {
        static final ReferenceData INSTANCE = read(ReferenceData.class.getClassLoader());
    }

    /** The tables of this build, read on first use. */
    public static ReferenceData load() {
        return Holder.INSTANCE;
    }

    static ReferenceData read(ClassLoader loader) {
        Map<String, Ministry> byKey = new LinkedHashMap<>();
        Map<String, Ministry> byCode = new LinkedHashMap<>();
        readMinistries(rows(loader, MINISTRIES, 6), byKey, byCode);
        Map<String, KnownEntity> known = readKnown(rows(loader, INITIATIVES, 6));
        List<ExternalId> ids = new ArrayList<>();
        for (Row r : rows(loader, EXTERNAL_IDS, 9)) {
            ids.add(new ExternalId(r.col(0), r.col(1), r.col(2), r.col(3), r.col(4), r.col(5), r.col(6),
                    r.col(7), r.col(8)));
        }
        Set<String> generic = new HashSet<>();
        for (Row r : rows(loader, GENERIC_TERMS, 2)) {
            generic.add(NormText.key(r.col(0)));
        }
        return new ReferenceData(byKey, byCode, known, ids, generic, INITIATIVES);
    }

    public Optional<Ministry> byCode(String code) {
        return Optional.ofNullable(ministriesByCode.get(code.strip()));
    }

    public Optional<Ministry> ministry(String key) {
        return Optional.ofNullable(ministriesByKey.get(key));
    }

    /** The ministry written as {@code name}: its full name or its name without the parent office. */
    public Optional<Ministry> ministryByName(String name) {
        return Optional.ofNullable(ministriesByName.get(NormText.key(name)));
    }

    public List<Ministry> ministries() {
        return List.copyOf(ministriesByKey.values());
    }

    public Optional<KnownEntity> known(String key) {
        return Optional.ofNullable(knownByKey.get(key));
    }

    /** The curated entity one of whose labels equals {@code label} once both are normalised (NFKC, spacing). */
    public Optional<KnownEntity> byLabel(String label) {
        return Optional.ofNullable(knownByLabel.get(NormText.key(label)));
    }

    public List<KnownEntity> knownEntities() {
        return List.copyOf(knownByKey.values());
    }

    public List<ExternalId> externalIds() {
        return externalIds;
    }

    /**
     * The confirmed law numbers ({@code external-ids.tsv}, scheme {@code law-number}, {@code seen-exact}) of laws
     * titled {@code title}, compared as labels are and without the row's bracketed note. An amending law's title is
     * used by several laws, so the caller chooses among them (by year).
     */
    public List<String> lawNumbers(String title) {
        String key = NormText.key(title);
        return externalIds.stream()
                .filter(id -> id.scheme().equals("law-number") && id.confidence().equals("seen-exact")
                        && !id.source().isBlank() && NormText.key(bareName(id.nameJa())).equals(key))
                .map(ExternalId::id).distinct().toList();
    }

    /**
     * A reference row's name without its bracketed short name or note, e.g. {@code 個人情報の保護に関する法律（個人情報保護法）},
     * {@code 世界保健機関 (WHO)}.
     */
    public static String bareName(String name) {
        int full = name.indexOf('（');
        int half = name.indexOf(" (");
        int bracket = full > 0 && (half < 0 || full < half) ? full : half;
        return (bracket > 0 ? name.substring(0, bracket) : name).strip();
    }

    /** True for abbreviations of concepts (AI, UHC, PHR …) that name no initiative. */
    public boolean isGenericTerm(String label) {
        return genericTerms.contains(NormText.key(label));
    }

    /** Normalised label ({@link NormText#key}) → entity, for the extractor's matcher. */
    public Map<String, KnownEntity> labelIndex() {
        return knownByLabel;
    }

    /** Normalised full and short names → ministry, for the extractor's matcher. */
    public Map<String, Ministry> ministryNameIndex() {
        return ministriesByName;
    }

    private static void readMinistries(List<Row> rows, Map<String, Ministry> byKey, Map<String, Ministry> byCode) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        Map<String, Row> first = new LinkedHashMap<>();
        for (Row r : rows) {
            String code = r.col(0);
            String key = r.col(1);
            if (code.isEmpty() || key.isEmpty()) {
                throw r.error("code and key are required");
            }
            Row seen = first.putIfAbsent(key, r);
            if (seen != null && (!seen.col(2).equals(r.col(2)) || !seen.col(4).equals(r.col(4)))) {
                throw r.error("key '" + key + "' has two different names");
            }
            codes.computeIfAbsent(key, k -> new ArrayList<>()).add(code);
        }
        for (Map.Entry<String, Row> e : first.entrySet()) {
            Row r = e.getValue();
            Ministry m = new Ministry(e.getKey(), r.col(2), r.col(3), r.col(4), codes.get(e.getKey()));
            byKey.put(m.key(), m);
            for (String code : m.codes()) {
                if (byCode.put(code, m) != null) {
                    throw r.error("code '" + code + "' is listed twice");
                }
            }
        }
    }

    private static Map<String, KnownEntity> readKnown(List<Row> rows) {
        Map<String, KnownEntity> known = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.col(0);
            if (!key.matches("[a-z0-9][a-z0-9-]*")) {
                throw r.error("key '" + key + "' is not lower-case ASCII");
            }
            EntityClass cls;
            try {
                cls = EntityClass.valueOf(r.col(1));
            } catch (IllegalArgumentException ex) {
                throw r.error("unknown class '" + r.col(1) + "' (one of " + Arrays.toString(EntityClass.values())
                        + ")");
            }
            if (r.col(2).isEmpty()) {
                throw r.error("name_ja is required");
            }
            List<String> alts = new ArrayList<>();
            for (String alt : r.col(4).split("\\|")) {
                if (!alt.isBlank()) {
                    alts.add(alt.strip());
                }
            }
            if (known.put(key, new KnownEntity(key, cls, r.col(2), r.col(3), alts, r.col(5))) != null) {
                throw r.error("key '" + key + "' is listed twice");
            }
        }
        return known;
    }

    private static List<Row> rows(ClassLoader loader, String resource, int columns) {
        return ReferenceTable.read(loader, resource, columns);
    }
}
