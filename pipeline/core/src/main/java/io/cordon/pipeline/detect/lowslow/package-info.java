/** Low-slow flyer: an air track low, slow, without ADS-B, heading for the border. */
package io.cordon.pipeline.detect.lowslow;
