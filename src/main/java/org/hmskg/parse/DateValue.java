package org.hmskg.parse;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;

/**
 * A calendar value as precise as the text states it: {@code month} and {@code day} are 0 when not stated.
 * Maps to {@code xsd:gYear}, {@code xsd:gYearMonth} or {@code xsd:date}.
 */
public record DateValue(int year, int month, int day) {
    public DateValue {
        if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31 || (day > 0 && month == 0)) {
            throw new IllegalArgumentException("not a date: " + year + "-" + month + "-" + day);
        }
    }

    public static DateValue ofYear(int year) {
        return new DateValue(year, 0, 0);
    }

    public String lexical() {
        if (month == 0) {
            return String.format("%04d", year);
        }
        if (day == 0) {
            return String.format("%04d-%02d", year, month);
        }
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    public RDFDatatype datatype() {
        if (month == 0) {
            return XSDDatatype.XSDgYear;
        }
        return day == 0 ? XSDDatatype.XSDgYearMonth : XSDDatatype.XSDdate;
    }
}
