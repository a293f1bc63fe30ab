import Yams

extension ConfigurationDecoder {
    static let watchKeys = ["fix", "dateModified"]

    /// The `watch:` section: `fix` (rule ids or categories whose safe fixes apply on save) and
    /// `dateModified` (true or false).
    func watchSettings(_ node: Node) throws -> WatchSettings {
        guard let entries = node.mapping else { throw error(node, "watch must be a mapping (fix: [rules], dateModified: true)") }
        var settings = WatchSettings()
        for (keyNode, value) in entries {
            switch keyNode.string ?? "" {
            case "fix":
                guard let list = value.sequence else { throw error(value, "watch.fix must be a list of rule ids or categories") }
                settings.fix = try list.map { item in
                    guard let selector = item.string, !selector.isEmpty else { throw error(item, "watch.fix must be a list of rule ids or categories") }
                    guard RuleSelection(select: [selector]).unknownSelector(among: rules.ids) == nil else {
                        throw error(item, "unknown rule or category '\(selector)' under watch.fix" + suggestion(selector, among: rules.ids))
                    }
                    return selector
                }
            case "dateModified":
                guard value.scalar != nil, let flag = value.bool else { throw error(value, "watch.dateModified must be true or false") }
                settings.dateModified = flag
            default:
                let name = keyNode.string ?? ""
                throw error(keyNode, "unknown key '\(name)' under watch" + suggestion(name, among: Self.watchKeys))
            }
        }
        return settings
    }
}
