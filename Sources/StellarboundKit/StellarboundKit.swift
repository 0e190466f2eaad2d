/// The umbrella module for users of stellarbound as a library: `import StellarboundKit` brings every public
/// module (the constants and the error vocabulary, the numerics, the plasma and the input physics, the
/// helium-core and whole-star models, the bound extractor, the millicharge and laboratory modules, the data
/// locator). Each module is also a product of its own for users who want less.
@_exported import CacheFiles
@_exported import Constants
@_exported import EnvelopePhysics
@_exported import ErrorVocabulary
@_exported import GSL
@_exported import Henyey
@_exported import Laboratory
@_exported import Microphysics
@_exported import Millicharge
@_exported import ModelData
@_exported import NeutrinoMixing
@_exported import OutputContract
@_exported import Plasma
@_exported import RedGiantCore
@_exported import TRGBBounds
@_exported import TrackGrids
@_exported import WholeStar
