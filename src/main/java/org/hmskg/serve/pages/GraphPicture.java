package org.hmskg.serve.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small graph drawn as inline SVG ({@code parts/picture.jte}), laid out here so that the same data always gives
 * the same picture and the page needs no script: the nodes on a circle, or round the first node as a centre. Each
 * node is a link to its page with a title in both languages; the caller puts a table of the same data under the
 * picture.
 */
public final class GraphPicture {
    public static final double MIN_RADIUS = 6;
    public static final double MAX_RADIUS = 30;
    public static final double MIN_STROKE = 1;
    public static final double MAX_STROKE = 10;
    /** Room for names above and below the ring, and beside it (where they run sideways). */
    private static final int LABEL_ROOM = 70;
    private static final int LABEL_WIDTH = 190;
    private static final double FONT = 15;

    /**
     * One node.
     *
     * @param href    the page it links to
     * @param label   the name shown beside it
     * @param lang    the language of {@code label} ({@code ""} when unknown)
     * @param tooltip the title: names in both languages and the numbers behind its size
     * @param kind    a CSS class: {@code ministry}, {@code initiative}, {@code centre}
     * @param radius  from {@link #radius}
     * @param data    {@code data-*} attributes (name without the prefix → value) stating the numbers drawn
     */
    public record Vertex(String href, String label, String lang, String tooltip, String kind, double radius,
                  Map<String, String> data) {
        public Vertex {
            Objects.requireNonNull(href);
            Objects.requireNonNull(label);
            Objects.requireNonNull(lang);
            Objects.requireNonNull(tooltip);
            Objects.requireNonNull(kind);
            data = Map.copyOf(data);
        }
    }

    /** One edge between two vertices (indexes into the vertex list), {@code width} from {@link #stroke}. */
    public record Edge(int from, int to, double width, String tooltip, Map<String, String> data) {
        public Edge {
            Objects.requireNonNull(tooltip);
            data = Map.copyOf(data);
        }
    }

    private record Point(double x, double y) {
    }

    private GraphPicture() {
    }

    /** A radius whose area grows with {@code value}: the largest value gets {@link #MAX_RADIUS}, zero the minimum. */
    static double radius(long value, long max) {
        if (max <= 0 || value <= 0) {
            return MIN_RADIUS;
        }
        return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt((double) value / max);
    }

    /** A line width proportional to {@code value}, the largest value getting {@link #MAX_STROKE}. */
    static double stroke(long value, long max) {
        if (max <= 0 || value <= 0) {
            return MIN_STROKE;
        }
        return MIN_STROKE + (MAX_STROKE - MIN_STROKE) * value / max;
    }

    /** The picture as {@code parts/picture.jte} draws it; coordinates already formatted. */
    public record Picture(String id, int width, int height, String title, String desc, List<Line> edges,
                          List<Circle> nodes) {
    }

    /** An edge: a line with its title and the numbers it stands for. */
    public record Line(Data data, String tooltip, String x1, String y1, String x2, String y2, String width) {
    }

    /** A node: a circle linking to its page, with its name beside it. */
    public record Circle(String kind, String href, String tooltip, Data data, String cx, String cy, String r,
                         Label label) {
    }

    /** A name beside its circle; {@code lang} null when unknown. */
    public record Label(String x, String y, String anchor, String lang, String text) {
    }

    /**
     * The {@code data-*} attributes stating the numbers drawn, in name order; null for the ones a picture does not
     * use.
     */
    public record Data(String from, String kind, String leads, String measures, String shared, String to) {
        static final Set<String> NAMES = Set.of("from", "kind", "leads", "measures", "shared",
                "to");

        static Data of(Map<String, String> data) {
            for (String name : data.keySet()) {
                if (!NAMES.contains(name)) {
                    throw new IllegalArgumentException("no data-" + name + " attribute in a picture");
                }
            }
            return new Data(data.get("from"), data.get("kind"), data.get("leads"), data.get("measures"),
                    data.get("shared"), data.get("to"));
        }
    }

    /**
     * The picture.
     *
     * @param id       the SVG element's id; the title and description ids derive from it
     * @param title    what the picture shows, in a sentence
     * @param desc     how to read it: what sizes and widths stand for
     * @param centred  whether the first vertex sits in the centre with the others round it
     * @param ringSize the ring's radius
     */
    static Picture picture(String id, String title, String desc, List<Vertex> vertices, List<Edge> edges,
                           boolean centred, int ringSize) {
        int width = 2 * (ringSize + (int) MAX_RADIUS + LABEL_WIDTH);
        int height = 2 * (ringSize + (int) MAX_RADIUS + LABEL_ROOM);
        List<Point> at = layout(vertices.size(), centred, ringSize, width / 2.0);
        List<Line> lines = new ArrayList<>();
        for (Edge e : edges) {
            Point p = at.get(e.from());
            Point q = at.get(e.to());
            lines.add(new Line(Data.of(e.data()), e.tooltip(), num(p.x()), num(p.y()), num(q.x()), num(q.y()),
                    num(e.width())));
        }
        List<Circle> circles = new ArrayList<>();
        for (int i = 0; i < vertices.size(); i++) {
            Vertex v = vertices.get(i);
            Point p = at.get(i);
            circles.add(new Circle(v.kind(), v.href(), v.tooltip(), Data.of(v.data()), num(p.x()), num(p.y()),
                    num(v.radius()), label(v, p, width / 2.0, centred && i == 0)));
        }
        return new Picture(id, width, height, title, desc, lines, circles);
    }

    private static List<Point> layout(int n, boolean centred, int ring, double cx) {
        double cy = ring + MAX_RADIUS + LABEL_ROOM;
        int onRing = centred ? n - 1 : n;
        Point[] points = new Point[n];
        int first = 0;
        if (centred && n > 0) {
            points[0] = new Point(cx, cy);
            first = 1;
        }
        for (int k = 0; k < onRing; k++) {
            // Clockwise from twelve o'clock, so the first (largest) node is on top.
            double angle = -Math.PI / 2 + 2 * Math.PI * k / onRing;
            points[first + k] = new Point(cx + ring * Math.cos(angle), cy + ring * Math.sin(angle));
        }
        return List.of(points);
    }

    /** The name beside its circle, on the side facing away from the centre so that it never crosses the ring. */
    private static Label label(Vertex v, Point p, double cx, boolean centre) {
        double dx = p.x() - cx;
        String anchor;
        double x;
        double y;
        if (centre) {
            anchor = "middle";
            x = p.x();
            y = p.y() + v.radius() + 16;
        } else {
            anchor = dx > 1 ? "start" : dx < -1 ? "end" : "middle";
            x = p.x() + (dx > 1 ? v.radius() + 6 : dx < -1 ? -v.radius() - 6 : 0);
            y = p.y() + 5;
            if ("middle".equals(anchor)) {
                // Straight above or below the centre: the label goes above the top node, below the bottom one.
                y = isTop(p) ? p.y() - v.radius() - 8 : p.y() + v.radius() + 18;
            }
        }
        double room = "middle".equals(anchor) ? 2 * LABEL_WIDTH : LABEL_WIDTH + MAX_RADIUS - v.radius() - 10;
        return new Label(num(x), num(y), anchor, v.lang().isEmpty() ? null : v.lang(), fit(v.label(), room));
    }

    /**
     * The name cut to about {@code room} units of the 15-unit font, ending in "…" when cut; the whole name is in
     * the node's title. Widths are estimated (full width for CJK and other wide characters, about half for the
     * rest), so that the picture does not depend on the fonts of the machine that draws it.
     */
    public static String fit(String label, double room) {
        if (label.codePoints().mapToDouble(GraphPicture::width).sum() <= room) {
            return label;
        }
        double used = FONT;
        StringBuilder b = new StringBuilder();
        for (int cp : label.codePoints().toArray()) {
            used += width(cp);
            if (used > room) {
                break;
            }
            b.appendCodePoint(cp);
        }
        return b.append('…').toString();
    }

    private static double width(int cp) {
        return cp >= 0x2E80 ? FONT : FONT * 0.56;
    }

    private static boolean isTop(Point p) {
        return p.y() < MAX_RADIUS + LABEL_ROOM + 1;
    }

    /** Coordinates with one decimal, the same on every machine and locale. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
