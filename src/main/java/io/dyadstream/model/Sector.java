package io.dyadstream.model;

/** Fields an interaction touches (taxonomy section 4). */
public enum Sector {
    TRADE, INVESTMENT, INDUSTRY, AGRICULTURE, ENERGY, TRANSPORT, SPACE, SCIENCE_TECH,
    DEFENSE, SECURITY, HEALTH, EDUCATION, CULTURE, ENVIRONMENT, MIGRATION, FINANCE
}
