package org.quanze.model;

/** One numbered duty step of a power, e.g. title 立案责任 and its text. */
public record Step(String title, String text) {}
