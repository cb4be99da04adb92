package org.quanze.model;

/** Where a record comes from: the source id (file name without extension), the file name and the list's title. */
public record SourceRef(String id, String file, String title) {}
