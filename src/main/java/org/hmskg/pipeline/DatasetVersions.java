package org.hmskg.pipeline;

import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * The dataset version: a hash of what determines the dataset's content (program version, seed checksums, and the
 * fingerprint of the build's classes, rules, word lists, reference tables and shapes). Same inputs, same version;
 * any change, a new one.
 */
final class DatasetVersions {
    private DatasetVersions() {
    }

    static String version(String toolVersion, Map<String, String> seedChecksums, String buildFingerprint) {
        StringBuilder sb = new StringBuilder("hms-kg ").append(toolVersion).append('\n');
        new TreeMap<>(seedChecksums).forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        sb.append("build ").append(buildFingerprint).append('\n');
        return DigestUtils.sha256Hex(sb.toString()).substring(0, 16);
    }
}
