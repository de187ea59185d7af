package org.hmskg.map;

import static org.hmskg.map.DocumentMapper.bool;
import static org.hmskg.map.DocumentMapper.lang;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.Ministry;
import org.hmskg.extract.ReferenceData;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.CV;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.ORG;
import org.hmskg.vocab.Vocab.OWL;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;
import org.hmskg.vocab.Vocab.SKOS;

/**
 * The curated reference tables → {@code graph/reference}: every ministry a tag code names, every known
 * initiative and cited document, and external identifiers ({@code owl:sameAs} only for identifiers seen next to
 * exactly this entity in a recorded source, {@code rdfs:seeAlso} for the others).
 */
public final class ReferenceMapper {
    private static final Set<String> CONFIRMED = Set.of("seen-exact");

    private ReferenceMapper() {
    }

    public static Graph map(ReferenceData ref) {
        DocumentMapper.Writer w = new DocumentMapper.Writer();
        for (Ministry m : ref.ministries()) {
            Node node = Iris.ministry(m.key());
            w.add(node, RDF.type, HMS.Ministry);
            w.add(node, RDF.type, ORG.Organization);
            w.add(node, RDF.type, CV.PublicOrganisation);
            w.add(node, SKOS.prefLabel, lang(m.nameJa(), "ja"));
            if (!m.nameEn().isEmpty()) {
                w.add(node, SKOS.prefLabel, lang(m.nameEn(), "en"));
            }
            if (!m.parent().isEmpty() && m.nameJa().startsWith(m.parent()) && m.nameJa().length() > m.parent().length()) {
                w.add(node, SKOS.altLabel, lang(m.nameJa().substring(m.parent().length()), "ja"));
            }
            for (String code : m.codes()) {
                w.add(node, SKOS.notation, NodeFactory.createLiteralString(code));
            }
            links(w, node, ref, List.of(m.nameJa()), false);
        }
        for (KnownEntity e : ref.knownEntities()) {
            Node node = DocumentMapper.entityNode(e.entity());
            DocumentMapper.typeEntity(w, node, e.cls());
            w.add(node, SKOS.prefLabel, lang(e.nameJa(), "ja"));
            if (!e.nameEn().isEmpty()) {
                w.add(node, SKOS.prefLabel, lang(e.nameEn(), "en"));
            }
            for (String alt : e.altLabels()) {
                w.add(node, SKOS.altLabel, lang(alt, isAscii(alt) ? "en" : "ja"));
            }
            if (e.cls().isCitation()) {
                w.add(node, DCT.title, lang(e.nameJa(), "ja"));
            }
            w.add(node, HMS.curated, bool(true));
            links(w, node, ref, e.labels(), e.cls() == EntityClass.LAW);
        }
        return w.graph();
    }

    /**
     * External identifiers whose Japanese name is one of {@code names}: identifiers become {@code owl:sameAs} or
     * {@code rdfs:seeAlso} by confidence, official websites {@code rdfs:seeAlso} (a homepage is about the thing, not
     * the thing), law numbers of laws {@code hms:lawNumber}. A row without a source is never published.
     */
    private static void links(DocumentMapper.Writer w, Node node, ReferenceData ref, List<String> names,
                              boolean isLaw) {
        // The entity's own labels are compared as they are: stripping their brackets would make 健康日本21（第二次）
        // the same as 健康日本21（第三次）.
        Set<String> wanted = Set.copyOf(names);
        for (ReferenceData.ExternalId id : ref.externalIds()) {
            boolean named = wanted.contains(id.nameJa()) || wanted.contains(ReferenceData.bareName(id.nameJa()));
            if (!named || id.source().isBlank()) {
                continue;
            }
            if (id.scheme().equals("website")) {
                website(id).ifPresent(target -> w.add(node, RDFS.seeAlso, target));
            } else if (id.scheme().equals("law-number")) {
                if (isLaw && CONFIRMED.contains(id.confidence())) {
                    w.add(node, HMS.lawNumber, NodeFactory.createLiteralString(id.id()));
                }
            } else {
                iri(id).ifPresent(target -> w.add(node,
                        CONFIRMED.contains(id.confidence()) ? OWL.sameAs : RDFS.seeAlso, target));
            }
        }
    }

    private static Optional<Node> website(ReferenceData.ExternalId id) {
        return id.id().matches("https?://[^\\s<>\"{}|^`]+")
                ? Optional.of(NodeFactory.createURI(id.id())) : Optional.empty();
    }

    private static Optional<Node> iri(ReferenceData.ExternalId id) {
        return switch (id.scheme()) {
            case "wikidata", "egov-law-id" -> id.iri().startsWith("http") && id.id().matches("[A-Za-z0-9]+")
                    && !id.id().startsWith("P") ? Optional.of(NodeFactory.createURI(id.iri())) : Optional.empty();
            case "houjin" -> id.id().matches("\\d{13}")
                    ? Optional.of(NodeFactory.createURI("http://hojin-info.go.jp/data/basic/" + id.id()))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
