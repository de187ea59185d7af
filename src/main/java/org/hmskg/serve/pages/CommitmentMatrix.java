package org.hmskg.serve.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts in a grid, drawn as inline SVG ({@code parts/matrix.jte}): one row per lead ministry, one column per due
 * fiscal year, a circle in each cell whose area grows with the count, which is written in it. Laid out here, so
 * that the same numbers always give the same picture and the page needs no script; the page puts a table of the
 * same numbers under it.
 */
public final class CommitmentMatrix {
    static final int CELL = 60;
    static final int ROW_LABEL = 250;
    static final int HEADER = 44;
    static final double MAX_RADIUS = CELL / 2.0 - 5;
    static final double MIN_RADIUS = 5;

    /** A column or row heading; linked when {@code href} is not empty; {@code lang} null when unknown. */
    public record Heading(String text, String lang, String title, String href, String x, String y, String anchor) {
    }

    /**
     * A cell: its count drawn as a circle ({@code r} "0" when empty) and written, with a title in words, and the
     * numbers as {@code data-*} attributes.
     */
    public record Cell(String row, String column, long count, String title, String cx, String cy, String r,
                       String textY) {
    }

    /** A grid line. */
    public record Line(String x1, String y1, String x2, String y2) {
    }

    /** The picture as {@code parts/matrix.jte} draws it; coordinates already formatted. */
    public record Picture(String id, int width, int height, String title, String desc, List<Heading> columns,
                          List<Heading> rows, List<Cell> cells, List<Line> grid) {
        public Picture {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            cells = List.copyOf(cells);
            grid = List.copyOf(grid);
        }
    }

    /**
     * A row or column of the grid.
     *
     * @param key   what the {@code data-*} attribute of its cells says ({@code mhlw}, {@code 2023}, {@code none})
     * @param label the name written beside or above it
     * @param title its name in words, for its cells' titles
     */
    record Axis(String key, String label, String lang, String title, String href) {
    }

    private CommitmentMatrix() {
    }

    /** The picture of {@code counts[row][column]}. */
    static Picture picture(String id, String title, String desc, List<Axis> rows, List<Axis> columns,
                           long[][] counts) {
        long max = 1;
        for (long[] row : counts) {
            for (long n : row) {
                max = Math.max(max, n);
            }
        }
        int width = ROW_LABEL + CELL * columns.size() + 10;
        int height = HEADER + CELL * rows.size() + 10;
        List<Heading> columnHeadings = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            Axis c = columns.get(j);
            columnHeadings.add(new Heading(c.label(), c.lang(), c.title(), c.href(),
                    GraphPicture.num(ROW_LABEL + CELL * (j + 0.5)), GraphPicture.num(HEADER - 14.0), "middle"));
        }
        List<Heading> rowHeadings = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Axis r = rows.get(i);
            double cy = HEADER + CELL * (i + 0.5);
            rowHeadings.add(new Heading(GraphPicture.fit(r.label(), ROW_LABEL - 16.0), r.lang(), r.title(), r.href(),
                    GraphPicture.num(ROW_LABEL - 10.0), GraphPicture.num(cy + 5), "end"));
            for (int j = 0; j < columns.size(); j++) {
                long n = counts[i][j];
                double radius = n <= 0 ? 0 : MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt((double) n / max);
                cells.add(new Cell(r.key(), columns.get(j).key(), n, r.title() + ", " + columns.get(j).title() + ": "
                        + n + " commitment(s)", GraphPicture.num(ROW_LABEL + CELL * (j + 0.5)), GraphPicture.num(cy),
                        GraphPicture.num(radius), GraphPicture.num(cy + 5)));
            }
        }
        List<Line> grid = new ArrayList<>();
        for (int i = 0; i <= rows.size(); i++) {
            String y = GraphPicture.num(HEADER + CELL * i);
            grid.add(new Line("0.0", y, GraphPicture.num(width), y));
        }
        for (int j = 0; j <= columns.size(); j++) {
            String x = GraphPicture.num(ROW_LABEL + CELL * j);
            grid.add(new Line(x, "0.0", x, GraphPicture.num(HEADER + CELL * rows.size())));
        }
        return new Picture(id, width, height, title, desc, columnHeadings, rowHeadings, cells, grid);
    }
}
