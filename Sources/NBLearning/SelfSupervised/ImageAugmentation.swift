/// Random perturbations of small grey-scale images stored as rows of a `[N, height·width]`
/// tensor (the 8×8 digits): integer pixel shifts (vacated pixels become 0), Gaussian noise and
/// random masking of pixels. Every draw comes from the caller's seeded generator.
public struct ImageAugmentation: Sendable, Equatable {
    public var height: Int
    public var width: Int
    /// The largest shift, in pixels, along each axis (uniform in −maxShift…maxShift).
    public var maxShift: Int
    /// The standard deviation of additive Gaussian noise, in the data's units.
    public var noise: Double
    /// The probability that a pixel is set to zero.
    public var maskProbability: Double

    public init(height: Int = 8, width: Int = 8, maxShift: Int = 1, noise: Double = 0, maskProbability: Double = 0) {
        self.height = height
        self.width = width
        self.maxShift = maxShift
        self.noise = noise
        self.maskProbability = maskProbability
    }

    /// Only noise (denoising autoencoders).
    public static func noise(_ standardDeviation: Double, height: Int = 8, width: Int = 8) -> ImageAugmentation {
        ImageAugmentation(height: height, width: width, maxShift: 0, noise: standardDeviation)
    }

    /// A fresh random view of every row.
    public func callAsFunction<S: TensorScalar>(_ images: Tensor<S>, generator: inout SeededGenerator) throws -> Tensor<S> {
        let pixels = height * width
        guard images.rank == 2, images.shape[1] == pixels else {
            throw TensorError.shapeMismatch(operation: "image augmentation (images vs \(height)×\(width))", lhs: images.shape, rhs: [images.shape.first ?? 0, pixels])
        }
        let n = images.shape[0]
        var out = [S](repeating: 0, count: n * pixels)
        for i in 0..<n {
            let dy = maxShift > 0 ? generator.nextIndex(below: 2 * maxShift + 1) - maxShift : 0
            let dx = maxShift > 0 ? generator.nextIndex(below: 2 * maxShift + 1) - maxShift : 0
            for y in 0..<height {
                for x in 0..<width {
                    let (sy, sx) = (y - dy, x - dx)
                    var value = sy >= 0 && sy < height && sx >= 0 && sx < width ? Double(images.scalars[i * pixels + sy * width + sx]) : 0
                    if noise > 0 { value += noise * generator.nextNormal() }
                    if maskProbability > 0 && generator.nextUniform() < maskProbability { value = 0 }
                    out[i * pixels + y * width + x] = S(value)
                }
            }
        }
        return try Tensor(shape: images.shape, scalars: out)
    }
}
