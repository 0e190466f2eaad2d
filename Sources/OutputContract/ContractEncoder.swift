/// One value of the JSON tree while a report encodes itself. Objects and arrays are references, so a nested
/// container handed out earlier keeps writing into the tree.
final class ContractNode {
    enum Kind { case unset, literal, object, array }
    var kind = Kind.unset
    /// A scalar's JSON text (`kind == .literal`).
    var literal = ""
    var members: [String: ContractNode] = [:]
    var elements: [ContractNode] = []

    func setLiteral(_ text: String) {
        kind = .literal
        literal = text
    }

    /// Pretty-printed, two spaces per level, keys sorted.
    func write(to out: inout String, indent: String) {
        switch kind {
        case .unset: out += "{}"          // an Encodable that encoded nothing, as JSONEncoder writes it
        case .literal: out += literal
        case .object:
            guard !members.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (i, key) in members.keys.sorted().enumerated() {
                out += inner + ContractJSON.string(key) + ": "
                members[key]!.write(to: &out, indent: inner)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        case .array:
            guard !elements.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (i, e) in elements.enumerated() {
                out += inner
                e.write(to: &out, indent: inner)
                out += i + 1 < elements.count ? ",\n" : "\n"
            }
            out += indent + "]"
        }
    }
}

/// A step of a coding path that is not one of the report's keys: an array index, or `super`.
struct ContractPathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { (stringValue, intValue) = ("\(index)", index) }
    init(name: String) { (stringValue, intValue) = (name, nil) }
    init?(intValue: Int) { self.init(intValue) }
    init?(stringValue: String) { (self.stringValue, intValue) = (stringValue, nil) }
}

/// The `Encoder` behind `ContractJSON.encode`: builds a `ContractNode` tree.
struct ContractEncoder: Encoder {
    let node: ContractNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.kind != .object { node.kind = .object }
        return KeyedEncodingContainer(ContractKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.kind != .array { node.kind = .array }
        return ContractUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ContractSingleValueContainer(node: node, codingPath: codingPath)
    }

    /// `value` encoded into a new node at `path`.
    static func node<T: Encodable>(_ value: T, path: [any CodingKey]) throws -> ContractNode {
        let child = ContractNode()
        try value.encode(to: ContractEncoder(node: child, codingPath: path))
        return child
    }
}

struct ContractKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ContractNode
    let codingPath: [any CodingKey]

    private func set(_ key: Key, _ child: ContractNode) { node.members[key.stringValue] = child }
    private func literal(_ key: Key, _ text: String) {
        let child = ContractNode()
        child.setLiteral(text)
        set(key, child)
    }

    mutating func encodeNil(forKey key: Key) throws { literal(key, "null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { literal(key, value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { literal(key, ContractJSON.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        literal(key, try ContractJSON.number(value, path: codingPath + [key]))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        literal(key, try ContractJSON.number(Double(value), path: codingPath + [key]))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode(_ value: Int8, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode(_ value: Int16, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode(_ value: Int32, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode(_ value: Int64, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode(_ value: UInt, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { literal(key, "\(value)") }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(key, try ContractEncoder.node(value, path: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = ContractNode()
        set(key, child)
        return ContractEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = ContractNode()
        set(key, child)
        return ContractEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = ContractNode()
        node.members["super"] = child
        return ContractEncoder(node: child, codingPath: codingPath + [ContractPathKey(name: "super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = ContractNode()
        set(key, child)
        return ContractEncoder(node: child, codingPath: codingPath + [key])
    }
}

struct ContractUnkeyedContainer: UnkeyedEncodingContainer {
    let node: ContractNode
    let codingPath: [any CodingKey]
    var count: Int { node.elements.count }

    private var nextPath: [any CodingKey] { codingPath + [ContractPathKey(count)] }
    private func literal(_ text: String) {
        let child = ContractNode()
        child.setLiteral(text)
        node.elements.append(child)
    }

    mutating func encodeNil() throws { literal("null") }
    mutating func encode(_ value: Bool) throws { literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { literal(ContractJSON.string(value)) }
    mutating func encode(_ value: Double) throws { literal(try ContractJSON.number(value, path: nextPath)) }
    mutating func encode(_ value: Float) throws { literal(try ContractJSON.number(Double(value), path: nextPath)) }
    mutating func encode(_ value: Int) throws { literal("\(value)") }
    mutating func encode(_ value: Int8) throws { literal("\(value)") }
    mutating func encode(_ value: Int16) throws { literal("\(value)") }
    mutating func encode(_ value: Int32) throws { literal("\(value)") }
    mutating func encode(_ value: Int64) throws { literal("\(value)") }
    mutating func encode(_ value: UInt) throws { literal("\(value)") }
    mutating func encode(_ value: UInt8) throws { literal("\(value)") }
    mutating func encode(_ value: UInt16) throws { literal("\(value)") }
    mutating func encode(_ value: UInt32) throws { literal("\(value)") }
    mutating func encode(_ value: UInt64) throws { literal("\(value)") }
    mutating func encode<T: Encodable>(_ value: T) throws {
        node.elements.append(try ContractEncoder.node(value, path: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = ContractNode(), path = nextPath
        node.elements.append(child)
        return ContractEncoder(node: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = ContractNode(), path = nextPath
        node.elements.append(child)
        return ContractEncoder(node: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = ContractNode(), path = nextPath
        node.elements.append(child)
        return ContractEncoder(node: child, codingPath: path)
    }
}

struct ContractSingleValueContainer: SingleValueEncodingContainer {
    let node: ContractNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.setLiteral("null") }
    mutating func encode(_ value: Bool) throws { node.setLiteral(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { node.setLiteral(ContractJSON.string(value)) }
    mutating func encode(_ value: Double) throws { node.setLiteral(try ContractJSON.number(value, path: codingPath)) }
    mutating func encode(_ value: Float) throws { node.setLiteral(try ContractJSON.number(Double(value), path: codingPath)) }
    mutating func encode(_ value: Int) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: Int8) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: Int16) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: Int32) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: Int64) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt8) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt16) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt32) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt64) throws { node.setLiteral("\(value)") }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: ContractEncoder(node: node, codingPath: codingPath))
    }
}
