package io.cordon.pipeline.config;

import java.util.Locale;

/**
 * The language of the human-readable text a partner receives (alert summaries, CoT remarks). YAML
 * takes the ISO 639-1 code in lower case: {@code en}, {@code es}, {@code pt}, {@code fr}.
 */
public enum Language {
    EN,
    ES,
    PT,
    FR;

    /** The ISO 639-1 code, lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language for an ISO 639-1 code. */
    public static Language ofCode(String code) {
        for (Language l : values()) {
            if (l.code().equals(code)) {
                return l;
            }
        }
        throw new ConfigException("language", code, "one of en, es, pt, fr");
    }
}
