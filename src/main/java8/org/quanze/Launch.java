package org.quanze;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The jar's entry point. Everything else is compiled for Java 21, and an older runtime would refuse
 * the first class it loads with an UnsupportedClassVersionError stack trace; this class is compiled
 * for Java 8 (its own execution in pom.xml) so that it still loads there and can say in one sentence
 * what to do. It reaches {@code org.quanze.Main} only by reflection, so nothing of Java 21 is linked
 * before the check.
 */
public final class Launch {
    static final int REQUIRED_FEATURE = 21;

    private Launch() {
    }

    public static void main(String[] args) throws Throwable {
        int feature = feature(System.getProperty("java.specification.version"));
        if (feature < REQUIRED_FEATURE) {
            System.err.println("Quanze needs Java " + REQUIRED_FEATURE + " or newer; this is Java " + feature
                    + ". Run ./quanze, which finds a JDK " + REQUIRED_FEATURE + "+, or set JAVA_HOME.");
            System.exit(1);
        }
        Method main = Class.forName("org.quanze.Main").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            // Main's own failure, not the reflective wrapper around it.
            throw e.getCause();
        }
    }

    /**
     * The feature release in a {@code java.specification.version}: "1.8" is 8, "17" is 17. A value
     * this cannot read counts as new enough, so that an unforeseen format never locks users out.
     */
    static int feature(String specificationVersion) {
        String s = specificationVersion == null ? "" : specificationVersion;
        if (s.startsWith("1.")) {
            s = s.substring(2);
        }
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? Integer.MAX_VALUE : Integer.parseInt(s.substring(0, end));
    }
}
