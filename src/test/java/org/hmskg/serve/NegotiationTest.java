package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.http.Negotiation.Format;
import org.hmskg.serve.http.Negotiation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegotiationTest {
    private static Format choose(String accept) {
        return Negotiation.choose(null, accept, Negotiation.DATA_OR_PAGE);
    }

    @Test
    void browsersGetHtml() {
        assertEquals(Format.HTML, choose(Fixture.CHROME));
        assertEquals(Format.HTML, choose(Fixture.FIREFOX));
    }

    @Test
    void curlAndRdflibGetTurtle() {
        assertEquals(Format.TURTLE, choose(Fixture.CURL));
        assertEquals(Format.TURTLE, choose(Fixture.RDFLIB));
        assertEquals(Format.TURTLE, choose(null));
        assertEquals(Format.TURTLE, choose(""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/turtle | TURTLE",
        "application/ld+json | JSONLD",
        "application/n-triples | NTRIPLES",
        "application/rdf+xml | RDFXML",
        "application/xhtml+xml | HTML",
        "text/* | TURTLE",
        "text/html;q=0.1, */* | TURTLE",
        "application/rdf+xml;q=0.5, application/ld+json;q=0.9 | JSONLD",
        "text/turtle;q=0, */*;q=0.5 | JSONLD",
        "APPLICATION/LD+JSON | JSONLD",
    })
    void specificRangesAndQualities(String accept, Format expected) {
        assertEquals(expected, choose(accept));
    }

    @Test
    void nothingAcceptableIs406WithTheOffer() {
        HttpError e = assertThrows(HttpError.class, () -> choose("image/png"));
        assertEquals(406, e.status());
        assertTrue(e.getMessage().contains("text/turtle"), e.getMessage());
    }

    @Test
    void formatParameterBeatsAcceptAndUnknownValuesAre400() {
        assertEquals(Format.RDFXML, Negotiation.choose("rdf", Fixture.CHROME, Negotiation.DATA_OR_PAGE));
        assertEquals(Format.HTML, Negotiation.choose("html", "text/turtle", Negotiation.DATA_OR_PAGE));
        HttpError e = assertThrows(HttpError.class,
                () -> Negotiation.choose("xml", null, Negotiation.DATA_OR_PAGE));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("ttl|jsonld|nt|rdf|html"), e.getMessage());
    }
}
