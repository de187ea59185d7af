package org.hmskg.extract;

/** A body that decides a cited document: a ministry (key from the ministry table) or an initiative (council etc.). */
public record BodyRef(Kind kind, String key) {
    public enum Kind { MINISTRY, INITIATIVE }
}
