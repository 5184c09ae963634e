extension LearningTrackerCommand { static var reportCommands: [Command] { [] } }
