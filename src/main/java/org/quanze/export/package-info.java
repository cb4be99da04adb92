/**
 * Records out as files people open: the CSV and Excel tables shared by the {@code export} command
 * and the {@code /api/export} download, and the JSON lines of the {@code export} command
 * ({@link org.quanze.export.JsonLines}). No exported text holds a bidi control.
 */
package org.quanze.export;
