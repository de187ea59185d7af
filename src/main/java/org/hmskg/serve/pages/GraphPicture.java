package org.hmskg.serve.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A small graph drawn as inline SVG, laid out in Java so that the same data always gives the same picture and the
 * page needs no script: the nodes on a circle, or round the first node as a centre. Each node is a link to its
 * page with a title in both languages; the caller puts a table of the same data under the picture.
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
    record Vertex(String href, String label, String lang, String tooltip, String kind, double radius,
                  Map<String, String> data) {
        Vertex {
            Objects.requireNonNull(href);
            Objects.requireNonNull(label);
            Objects.requireNonNull(lang);
            Objects.requireNonNull(tooltip);
            Objects.requireNonNull(kind);
            data = Map.copyOf(data);
        }
    }

    /** One edge between two vertices (indexes into the vertex list), {@code width} from {@link #stroke}. */
    record Edge(int from, int to, double width, String tooltip, Map<String, String> data) {
        Edge {
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

    /**
     * The SVG element.
     *
     * @param id       the element's id; the title and description ids derive from it
     * @param title    what the picture shows, in a sentence
     * @param desc     how to read it: what sizes and widths stand for
     * @param centred  whether the first vertex sits in the centre with the others round it
     * @param ringSize the ring's radius
     */
    static String svg(String id, String title, String desc, List<Vertex> vertices, List<Edge> edges, boolean centred,
                      int ringSize) {
        int width = 2 * (ringSize + (int) MAX_RADIUS + LABEL_WIDTH);
        int height = 2 * (ringSize + (int) MAX_RADIUS + LABEL_ROOM);
        List<Point> at = layout(vertices.size(), centred, ringSize, width / 2.0);
        StringBuilder b = new StringBuilder();
        b.append("<svg id=\"").append(Html.esc(id)).append("\" class=\"graph-picture\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\"")
                .append(" aria-labelledby=\"").append(Html.esc(id)).append("-title ").append(Html.esc(id))
                .append("-desc\">\n");
        b.append("<title id=\"").append(Html.esc(id)).append("-title\">").append(Html.esc(title)).append("</title>\n");
        b.append("<desc id=\"").append(Html.esc(id)).append("-desc\">").append(Html.esc(desc)).append("</desc>\n");
        b.append("<g class=\"edges\">\n");
        for (Edge e : edges) {
            Point p = at.get(e.from());
            Point q = at.get(e.to());
            b.append("<g class=\"edge\"").append(data(e.data())).append("><title>").append(Html.esc(e.tooltip()))
                    .append("</title><line x1=\"").append(num(p.x())).append("\" y1=\"").append(num(p.y()))
                    .append("\" x2=\"").append(num(q.x())).append("\" y2=\"").append(num(q.y()))
                    .append("\" stroke-width=\"").append(num(e.width())).append("\"/></g>\n");
        }
        b.append("</g>\n<g class=\"nodes\">\n");
        for (int i = 0; i < vertices.size(); i++) {
            Vertex v = vertices.get(i);
            Point p = at.get(i);
            b.append("<a class=\"node ").append(Html.esc(v.kind())).append("\" href=\"").append(Html.esc(v.href()))
                    .append("\" aria-label=\"").append(Html.esc(v.tooltip())).append("\"").append(data(v.data()))
                    .append(">");
            b.append("<title>").append(Html.esc(v.tooltip())).append("</title>");
            b.append("<circle cx=\"").append(num(p.x())).append("\" cy=\"").append(num(p.y())).append("\" r=\"")
                    .append(num(v.radius())).append("\"/>");
            b.append(label(v, p, width / 2.0, centred && i == 0));
            b.append("</a>\n");
        }
        return b.append("</g>\n</svg>\n").toString();
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
    private static String label(Vertex v, Point p, double cx, boolean centre) {
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
        String lang = v.lang().isEmpty() ? "" : " lang=\"" + Html.esc(v.lang()) + "\"";
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" + lang + ">"
                + Html.esc(fit(v.label(), room)) + "</text>";
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

    private static String data(Map<String, String> data) {
        StringBuilder b = new StringBuilder();
        data.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append(" data-")
                .append(Html.esc(e.getKey())).append("=\"").append(Html.esc(e.getValue())).append('"'));
        return b.toString();
    }

    /** Coordinates with one decimal, the same on every machine and locale. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
