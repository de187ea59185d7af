package org.hmskg.store.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * For each predicate whose objects are all typed literals of one ordered kind (exact numbers, floating-point
 * numbers, dates, date-times, years), the triples sorted by the object's value: a range of values (a {@code FILTER}
 * with {@code <}, {@code <=}, {@code >}, {@code >=} or {@code =} against a constant of the same kind) is two binary
 * searches, and {@code ORDER BY} of that object can read the triples in order and stop early.
 *
 * <p>A predicate qualifies only when every object is a well-formed literal of one kind, and temporal values carry no
 * time zone: then any two values compare by SPARQL's {@code <} with a definite answer, so the sorted order is
 * exactly the order SPARQL's operators and {@code ORDER BY} see. Predicates with a mix (some strings, some IRIs, a
 * value with a time zone beside one without) are not indexed, and a constant of another kind is not looked up here.
 */
public final class OrderedLiterals {
    /** Kinds of literal whose values are totally ordered by SPARQL's comparison operators. */
    enum Kind {
        EXACT, FLOATING, DATE, DATE_TIME, YEAR;

        private static final Map<String, Kind> BY_DATATYPE = byDatatype();

        private static Map<String, Kind> byDatatype() {
            Map<String, Kind> m = new HashMap<>();
            for (XSDDatatype dt : List.of(XSDDatatype.XSDdecimal, XSDDatatype.XSDinteger, XSDDatatype.XSDlong,
                    XSDDatatype.XSDint, XSDDatatype.XSDshort, XSDDatatype.XSDbyte,
                    XSDDatatype.XSDnonNegativeInteger, XSDDatatype.XSDnonPositiveInteger,
                    XSDDatatype.XSDpositiveInteger, XSDDatatype.XSDnegativeInteger, XSDDatatype.XSDunsignedLong,
                    XSDDatatype.XSDunsignedInt, XSDDatatype.XSDunsignedShort, XSDDatatype.XSDunsignedByte)) {
                m.put(dt.getURI(), EXACT);
            }
            m.put(XSDDatatype.XSDdouble.getURI(), FLOATING);
            m.put(XSDDatatype.XSDfloat.getURI(), FLOATING);
            m.put(XSDDatatype.XSDdate.getURI(), DATE);
            m.put(XSDDatatype.XSDdateTime.getURI(), DATE_TIME);
            m.put(XSDDatatype.XSDgYear.getURI(), YEAR);
            return Map.copyOf(m);
        }

        /** The kind of a term by its datatype alone (null: not an ordered literal). */
        static Kind of(Node n) {
            return n.isLiteral() ? BY_DATATYPE.get(n.getLiteralDatatypeURI()) : null;
        }

        /**
         * The value of a literal of this kind to sort by, or null when it is ill-formed, NaN, or (if temporal) has a
         * time zone. Exact numbers compare as {@link BigDecimal}s, floating-point ones as doubles ({@code -0.0}
         * equal to {@code 0.0}), temporal values as XML Schema calendars: the comparisons SPARQL's operators make.
         * Made from the literal's own parsed value, not through ARQ's {@code NodeValue} cache, which a whole
         * predicate's worth of values would only churn.
         */
        Object key(Node n) {
            if (!n.getLiteral().isWellFormed()) {
                return null;
            }
            try {
                return switch (this) {
                    case EXACT -> exact(n.getLiteralValue());
                    case FLOATING -> {
                        double d = ((Number) n.getLiteralValue()).doubleValue();
                        yield Double.isNaN(d) ? null : d;
                    }
                    case DATE, DATE_TIME, YEAR -> {
                        XMLGregorianCalendar c = NodeValue.xmlDatatypeFactory
                                .newXMLGregorianCalendar(n.getLiteralLexicalForm().strip());
                        QName type = this == DATE ? DatatypeConstants.DATE
                                : this == DATE_TIME ? DatatypeConstants.DATETIME : DatatypeConstants.GYEAR;
                        yield c.getTimezone() == DatatypeConstants.FIELD_UNDEFINED
                                && type.equals(c.getXMLSchemaType()) ? c : null;
                    }
                };
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static BigDecimal exact(Object v) {
            if (v instanceof BigDecimal b) {
                return b;
            }
            if (v instanceof BigInteger i) {
                return new BigDecimal(i);
            }
            return v instanceof Number n ? BigDecimal.valueOf(n.longValue()) : null;
        }

        /** Compares two keys of this kind. */
        int compare(Object a, Object b) {
            return switch (this) {
                case EXACT -> ((BigDecimal) a).compareTo((BigDecimal) b);
                case FLOATING -> {
                    double x = (Double) a;
                    double y = (Double) b;
                    yield x < y ? -1 : x > y ? 1 : 0;
                }
                case DATE, DATE_TIME, YEAR -> {
                    int c = ((XMLGregorianCalendar) a).compare((XMLGregorianCalendar) b);
                    if (c == DatatypeConstants.INDETERMINATE) {
                        throw new IllegalStateException("values without a time zone compare: " + a + ", " + b);
                    }
                    yield c;
                }
            };
        }
    }

    private final Map<Node, Sorted> byPredicate;

    private OrderedLiterals(Map<Node, Sorted> byPredicate) {
        this.byPredicate = Map.copyOf(byPredicate);
    }

    /** The sorted triples of every qualifying predicate among {@code predicates} of {@code graph}. */
    static OrderedLiterals of(Graph graph, Set<Node> predicates) {
        Map<Node, Sorted> sorted = new HashMap<>();
        for (Node p : predicates) {
            Sorted s = Sorted.of(graph, p);
            if (s != null) {
                sorted.put(p, s);
            }
        }
        return new OrderedLiterals(sorted);
    }

    /** The sorted triples of {@code p}, or null when it does not qualify. */
    Sorted of(Node p) {
        return byPredicate.get(p);
    }

    int predicates() {
        return byPredicate.size();
    }

    /** Sorted triples over all predicates. */
    long entries() {
        return byPredicate.values().stream().mapToLong(Sorted::size).sum();
    }

    /** The triples of one predicate in ascending order of their object's value. */
    static final class Sorted {
        final Kind kind;
        private final Node[] subjects;
        private final Node[] objects;

        private Sorted(Kind kind, Node[] subjects, Node[] objects) {
            this.kind = kind;
            this.subjects = subjects;
            this.objects = objects;
        }

        static Sorted of(Graph graph, Node p) {
            List<Triple> triples = new ArrayList<>();
            List<Object> keys = new ArrayList<>();
            Kind kind = null;
            Iterator<Triple> it = graph.find(Node.ANY, p, Node.ANY);
            while (it.hasNext()) {
                Triple t = it.next();
                Kind k = Kind.of(t.getObject());
                if (k == null || (kind != null && k != kind)) {
                    return null;
                }
                kind = k;
                Object key = k.key(t.getObject());
                if (key == null) {
                    return null;
                }
                triples.add(t);
                keys.add(key);
            }
            if (kind == null) {
                return null;
            }
            int n = triples.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Kind byKind = kind;
            Arrays.sort(order, (i, j) -> byKind.compare(keys.get(i), keys.get(j)));
            Node[] subjects = new Node[n];
            Node[] objects = new Node[n];
            for (int i = 0; i < n; i++) {
                Triple t = triples.get(order[i]);
                subjects[i] = t.getSubject();
                objects[i] = t.getObject();
            }
            return new Sorted(kind, subjects, objects);
        }

        int size() {
            return objects.length;
        }

        Node subject(int i) {
            return subjects[i];
        }

        Node object(int i) {
            return objects[i];
        }

        /** Whether {@code value} is of this predicate's kind (and well-formed), so that it can be looked up here. */
        boolean accepts(Node value) {
            return Kind.of(value) == kind && kind.key(value) != null;
        }

        /**
         * The first position whose value is not below {@code value} ({@code strict}: above it); {@link #size()}
         * when there is none. {@code value} must be {@linkplain #accepts accepted}.
         */
        int lowerBound(Node value, boolean strict) {
            Object v = kind.key(value);
            int lo = 0;
            int hi = objects.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int c = kind.compare(kind.key(objects[mid]), v);
                if (c < 0 || (strict && c == 0)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Compares two objects of this predicate by value. */
        int compare(Node a, Node b) {
            return kind.compare(kind.key(a), kind.key(b));
        }

        /** Whether the value at {@code i} is strictly below the value at {@code j}. */
        boolean below(int i, int j) {
            return compare(objects[i], objects[j]) < 0;
        }
    }
}
