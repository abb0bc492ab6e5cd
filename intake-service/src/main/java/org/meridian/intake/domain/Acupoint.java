package org.meridian.intake.domain;

/**
 * A WHO standard acupuncture point: its alphanumeric code (BL23, GV4, EX-B2), meridian and Pinyin name.
 * Midline points (GV, CV and a few extra points) are unpaired and can only be needled on the midline.
 */
public record Acupoint(String code, String meridian, String meridianName, String name, boolean midline) {}
