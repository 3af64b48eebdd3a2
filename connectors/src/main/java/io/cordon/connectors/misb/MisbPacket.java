package io.cordon.connectors.misb;

/** A decoded MISB KLV packet: an ST 0601 UAS Datalink set or a standalone ST 0903 VMTI set. */
public sealed interface MisbPacket permits UasDatalinkPacket, VmtiLocalSet {}
