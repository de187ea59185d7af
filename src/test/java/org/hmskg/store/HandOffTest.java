package org.hmskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser's output reaches the target whole and in order, on the other thread; failures come back with causes. */
class HandOffTest {
    /** What the target saw, in order, and on which thread. */
    static final class Recorder extends StreamRDFBase {
        final List<String> events = new ArrayList<>();
        final List<String> threads = new ArrayList<>();

        @Override
        public void triple(Triple t) {
            events.add(t.getSubject().getURI());
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void prefix(String prefix, String iri) {
            events.add("prefix " + prefix);
        }

        @Override
        public void finish() {
            events.add("finish");
        }
    }

    static Triple triple(int i) {
        return Triple.create(NodeFactory.createURI("urn:s:" + i), NodeFactory.createURI("urn:p"),
                NodeFactory.createLiteralString("o" + i));
    }

    @Test
    void everyElementArrivesInOrderOnTheOtherThreadBeforeFinishReturns() {
        Recorder target = new Recorder();
        List<String> expected = new ArrayList<>();
        try (HandOff sink = new HandOff(target)) {
            sink.start();
            sink.prefix("ex", "urn:ex:");
            expected.add("prefix ex");
            for (int i = 0; i < 10_000; i++) {
                sink.triple(triple(i));
                expected.add("urn:s:" + i);
            }
            sink.finish();
            expected.add("finish");
            assertEquals(expected, target.events, "all of it, in order, once finish returned");
            assertFalse(sink.running());
        }
        assertTrue(target.threads.stream().allMatch("hmskg-load"::equals));
    }

    @Test
    void aFailureOfTheTargetComesBackWithItsCause() {
        IllegalArgumentException refused = new IllegalArgumentException("no room");
        StreamRDFBase failing = new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                throw refused;
            }
        };
        try (HandOff sink = new HandOff(failing)) {
            sink.start();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 1_000_000; i++) {
                    sink.triple(triple(i));
                }
                sink.finish();
            });
            assertSame(refused, e.getCause());
        }
    }

    @Test
    void aSyntaxErrorEndsTheParseWithItsLineAndStopsTheOtherThread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.nt");
        StringBuilder nt = new StringBuilder();
        for (int i = 0; i < 9_000; i++) {
            nt.append("<urn:s:").append(i).append("> <urn:p> \"o\" .\n");
        }
        nt.append("<urn:s:x> <urn:p> .\n");
        Files.writeString(file, nt, StandardCharsets.UTF_8);
        Recorder target = new Recorder();
        HandOff sink = new HandOff(target);
        RiotException e;
        try (sink) {
            e = assertThrows(RiotException.class, () -> Store.parse(file, Lang.NTRIPLES, sink));
        }
        assertTrue(e instanceof RiotParseException p && p.getLine() == 9_001, e::getMessage);
        assertFalse(sink.running(), "stopped by close");
        assertEquals(9_000, target.threads.size(), "what was read before the error was delivered, nothing lost or doubled");
    }
}
