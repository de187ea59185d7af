package org.hmskg.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated table on the class path ({@code reference/*.tsv}): optional comment lines starting with
 * {@code #} (what the table is and where it came from), one header line, then data rows; blank lines are skipped.
 * Shared by the curated reference data and the extractor's word lists, so that every table is read one way.
 */
public final class ReferenceTable {
    /** One data row; {@code line} counts every line of the file from 1. */
    public record Row(String file, int line, List<String> cols) {
        public Row {
            cols = List.copyOf(cols);
        }

        /** The stripped column {@code i}, empty when the row has fewer columns. */
        public String col(int i) {
            return i < cols.size() ? cols.get(i).strip() : "";
        }

        /** The error for a row that breaks {@code rule}, naming the file and the line. */
        public ReferenceDataException error(String rule) {
            return new ReferenceDataException(file + ":" + line + ": " + rule);
        }
    }

    private ReferenceTable() {
    }

    /** The data rows of {@code resource} read with this class's loader. */
    public static List<Row> read(String resource, int columns) {
        return read(ReferenceTable.class.getClassLoader(), resource, columns);
    }

    /** The data rows of {@code resource}; a row with more than {@code columns} columns is an error. */
    public static List<Row> read(ClassLoader loader, String resource, int columns) {
        return read(loader, resource, columns, false);
    }

    /**
     * The data rows of a table that must say what it is: its first line is a comment ({@code #}), else the table
     * is refused naming {@code file:1}.
     */
    public static List<Row> readDescribed(ClassLoader loader, String resource, int columns) {
        return read(loader, resource, columns, true);
    }

    private static List<Row> read(ClassLoader loader, String resource, int columns, boolean described) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new ReferenceDataException(resource + ": missing from the class path");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                n++;
                if (n == 1 && described && !line.startsWith("#")) {
                    throw new ReferenceDataException(resource + ":1: a rule table starts with a comment line"
                            + " saying what it is and where it came from");
                }
                if (header && line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length > columns) {
                    throw new ReferenceDataException(resource + ":" + n + ": " + cols.length + " columns, expected "
                            + columns);
                }
                rows.add(new Row(resource, n, List.of(cols)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": unreadable", e);
        }
        return rows;
    }
}
