/**
 * Records out as files people open: the CSV and Excel tables shared by the {@code export} command
 * and the {@code /api/export} download. JSON lines stay with {@link org.quanze.model.Json}.
 */
package org.quanze.export;
