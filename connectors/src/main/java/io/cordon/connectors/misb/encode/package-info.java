/**
 * Writers of MISB KLV packets (ST 0601 UAS Datalink local sets carrying ST 0903 VMTI detections),
 * for the simulator and for tests: the counterpart of the decoder in {@code
 * io.cordon.connectors.misb}.
 */
package io.cordon.connectors.misb.encode;
