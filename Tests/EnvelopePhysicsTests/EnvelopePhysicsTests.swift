// The tests of the EnvelopePhysics module live in this target, one file per capability.
