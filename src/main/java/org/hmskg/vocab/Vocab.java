package org.hmskg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** External vocabularies used by hms-kg, one nested holder per namespace. */
public final class Vocab {
    private Vocab() {
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    public static final class RDF {
        public static final String NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        public static final Node type = uri(NS + "type");
        public static final Node value = uri(NS + "value");
        private RDF() {
        }
    }

    public static final class RDFS {
        public static final String NS = "http://www.w3.org/2000/01/rdf-schema#";
        public static final Node label = uri(NS + "label");
        public static final Node comment = uri(NS + "comment");
        public static final Node seeAlso = uri(NS + "seeAlso");
        public static final Node subClassOf = uri(NS + "subClassOf");
        private RDFS() {
        }
    }

    public static final class OWL {
        public static final String NS = "http://www.w3.org/2002/07/owl#";
        public static final Node sameAs = uri(NS + "sameAs");
        private OWL() {
        }
    }

    public static final class SKOS {
        public static final String NS = "http://www.w3.org/2004/02/skos/core#";
        public static final Node prefLabel = uri(NS + "prefLabel");
        public static final Node altLabel = uri(NS + "altLabel");
        public static final Node notation = uri(NS + "notation");
        private SKOS() {
        }
    }

    public static final class DCT {
        public static final String NS = "http://purl.org/dc/terms/";
        public static final Node title = uri(NS + "title");
        public static final Node issued = uri(NS + "issued");
        public static final Node publisher = uri(NS + "publisher");
        public static final Node source = uri(NS + "source");
        public static final Node date = uri(NS + "date");
        public static final Node license = uri(NS + "license");
        public static final Node rights = uri(NS + "rights");
        public static final Node created = uri(NS + "created");
        public static final Node modified = uri(NS + "modified");
        public static final Node description = uri(NS + "description");
        public static final Node identifier = uri(NS + "identifier");
        public static final Node hasVersion = uri(NS + "hasVersion");
        private DCT() {
        }
    }

    public static final class PROV {
        public static final String NS = "http://www.w3.org/ns/prov#";
        public static final Node wasDerivedFrom = uri(NS + "wasDerivedFrom");
        public static final Node wasGeneratedBy = uri(NS + "wasGeneratedBy");
        public static final Node generatedAtTime = uri(NS + "generatedAtTime");
        public static final Node Activity = uri(NS + "Activity");
        public static final Node Entity = uri(NS + "Entity");
        public static final Node SoftwareAgent = uri(NS + "SoftwareAgent");
        public static final Node used = uri(NS + "used");
        public static final Node wasAssociatedWith = uri(NS + "wasAssociatedWith");
        public static final Node startedAtTime = uri(NS + "startedAtTime");
        private PROV() {
        }
    }

    public static final class ORG {
        public static final String NS = "http://www.w3.org/ns/org#";
        public static final Node Organization = uri(NS + "Organization");
        public static final Node subOrganizationOf = uri(NS + "subOrganizationOf");
        private ORG() {
        }
    }

    public static final class CV {
        public static final String NS = "http://data.europa.eu/m8g/";
        public static final Node PublicOrganisation = uri(NS + "PublicOrganisation");
        private CV() {
        }
    }

    public static final class ELI {
        public static final String NS = "http://data.europa.eu/eli/ontology#";
        public static final Node LegalResource = uri(NS + "LegalResource");
        public static final Node id_local = uri(NS + "id_local");
        private ELI() {
        }
    }

    public static final class SPDX {
        public static final String NS = "http://spdx.org/rdf/terms#";
        private SPDX() {
        }
    }
}
