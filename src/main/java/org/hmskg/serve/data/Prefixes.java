package org.hmskg.serve.data;

import org.apache.jena.shared.PrefixMapping;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab;

/** The prefixes the server writes in Turtle, shows in pages and presets in the query editor. */
public final class Prefixes {
    private Prefixes() {
    }

    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";

    public static final PrefixMapping STANDARD = PrefixMapping.Factory.create()
            .setNsPrefix("hms", HMS.NS)
            .setNsPrefix("rdf", Vocab.RDF.NS)
            .setNsPrefix("rdfs", Vocab.RDFS.NS)
            .setNsPrefix("owl", Vocab.OWL.NS)
            .setNsPrefix("xsd", XSD)
            .setNsPrefix("skos", Vocab.SKOS.NS)
            .setNsPrefix("dct", Vocab.DCT.NS)
            .setNsPrefix("org", Vocab.ORG.NS)
            .setNsPrefix("cv", Vocab.CV.NS)
            .setNsPrefix("eli", Vocab.ELI.NS)
            .setNsPrefix("prov", Vocab.PROV.NS)
            .setNsPrefix("void", VOID)
            .setNsPrefix("dcat", DCAT)
            .setNsPrefix("sd", SD)
            .setNsPrefix("foaf", FOAF)
            .lock();

    /** {@code skos:prefLabel} for a known namespace, else the IRI itself. */
    public static String shorten(String iri) {
        String s = STANDARD.qnameFor(iri);
        return s != null ? s : iri;
    }
}
