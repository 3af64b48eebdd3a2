package io.cordon.pipeline.observation;

/** What kind of object a target is believed to be. */
public enum TargetClass {
    UNKNOWN,
    PERSON,
    LAND_VEHICLE,
    VESSEL,
    AIRCRAFT,
    DRONE,
    ANIMAL
}
