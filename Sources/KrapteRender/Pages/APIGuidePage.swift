/// The API guide: every route of the OpenAPI document with what it does, its parameters, and an example request
/// and the answer the demo store gave to it.
public struct APIGuidePage: Page {
    public static let template = "api"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// A parameter of a route.
    public struct Parameter: Sendable {
        /// Its name as the request writes it.
        public var name: String
        /// Where it goes: in the path or the query.
        public var place: String
        /// Whether it must be given.
        public var required: Bool
        /// The values it takes, in words.
        public var values: String
        /// What it does, as HTML (`code` marked).
        public var description: String

        /// Makes a parameter.
        public init(name: String, place: String, required: Bool, values: String, description: String) {
            self.name = name
            self.place = place
            self.required = required
            self.values = values
            self.description = description
        }
    }

    /// One route: a method on a path.
    public struct Operation: Sendable {
        /// The id of its section (`getDataset`).
        public var anchor: String
        /// `GET`, `POST`, `DELETE`.
        public var method: String
        /// The path template (`/api/v1/datasets/{dataset}`).
        public var path: String
        /// What it does in a line, as HTML.
        public var summary: String
        /// More about it, as HTML, if there is more.
        public var description: String?
        /// Whether it needs the admin token.
        public var admin: Bool
        /// Its parameters.
        public var parameters: [Parameter]
        /// The example request as a `curl` command.
        public var request: String
        /// The example request to follow in the browser, for a GET.
        public var link: String?
        /// The example answer's status (`200`).
        public var status: String
        /// The example answer, as indented JSON, if the document holds one.
        public var answer: String?

        /// Makes a route.
        public init(
            anchor: String,
            method: String,
            path: String,
            summary: String,
            description: String?,
            admin: Bool,
            parameters: [Parameter],
            request: String,
            link: String?,
            status: String,
            answer: String?
        ) {
            self.anchor = anchor
            self.method = method
            self.path = path
            self.summary = summary
            self.description = description
            self.admin = admin
            self.parameters = parameters
            self.request = request
            self.link = link
            self.status = status
            self.answer = answer
        }
    }

    public var pageTitle: String
    /// What the API gives, as HTML.
    public var intro: String
    /// The routes, in the document's order.
    public var operations: [Operation]

    /// Makes the page.
    public init(pageTitle: String, intro: String, operations: [Operation]) {
        self.pageTitle = pageTitle
        self.intro = intro
        self.operations = operations
    }
}
