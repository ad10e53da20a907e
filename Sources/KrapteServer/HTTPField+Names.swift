import HTTPTypes

extension HTTPField.Name {
    /// `X-Frame-Options`: whether another site may show the answer in a frame.
    static var xFrameOptions: Self { Self("X-Frame-Options")! }
    /// `Referrer-Policy`: what a link followed from a page tells the next site.
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
    /// `Link`: the next page of a paged answer (RFC 8288).
    static var link: Self { Self("Link")! }
    /// `X-Total-Count`: how many rows a paged answer holds on all its pages together.
    static var xTotalCount: Self { Self("X-Total-Count")! }
}
