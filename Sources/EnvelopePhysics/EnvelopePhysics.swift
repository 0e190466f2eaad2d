/// EnvelopePhysics: the input physics of the whole star outside the helium core (opacities, the envelope's
/// equation of state, hydrogen burning, convection, the atmosphere, mass loss, mixtures).
/// Each capability lives in a file named for it; `Docs/envelope-physics.md` gives the physics and accuracy.
public enum EnvelopePhysicsModule {}
